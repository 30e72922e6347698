using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// Watches a checkpoint directory for the temporary files that atomic writes create, and runs an action (the kill)
/// when the n-th appears: at that moment the child is writing that checkpoint, not yet renamed into place.
/// </summary>
internal sealed class WriteWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly List<string> _writes = new();

    /// <param name="directory">The run's checkpoint directory; it must exist.</param>
    /// <param name="triggerAt">Which write (1-based) runs <paramref name="onTrigger"/>; 0 only records.</param>
    /// <param name="onTrigger">Runs on the watcher's thread, as soon as the temporary file is reported.</param>
    public WriteWatcher(string directory, int triggerAt = 0, Action? onTrigger = null)
    {
        _watcher = new FileSystemWatcher(directory, "*.tmp") { NotifyFilter = NotifyFilters.FileName, InternalBufferSize = 64 * 1024 };
        _watcher.Created += (_, e) =>
        {
            int count;
            lock (_writes)
            {
                _writes.Add(TargetOf(e.Name));
                count = _writes.Count;
            }
            if (count == triggerAt)
                onTrigger?.Invoke();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>The files the child began to write, in order: <c>epoch-0001-step-000008.ckpt</c>, <c>best.ckpt</c>, ...</summary>
    public IReadOnlyList<string> Writes
    {
        get
        {
            lock (_writes)
                return _writes.ToList();
        }
    }

    /// <summary>The file a temporary file becomes: <c>.epoch-0001.ckpt.&lt;guid&gt;.tmp</c> is <c>epoch-0001.ckpt</c>.</summary>
    private static string TargetOf(string? tempName)
    {
        string name = Path.GetFileNameWithoutExtension(tempName ?? "");   // drops .tmp
        return Path.GetFileNameWithoutExtension(name).TrimStart('.');   // drops .<guid> and the leading dot
    }

    public void Dispose() => _watcher.Dispose();
}
