using System;
using System.IO;
using System.Threading;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// Watches a checkpoint directory for the temporary files that atomic writes create, and runs an action (the kill)
/// when the n-th appears: at that moment the child is writing that checkpoint, not yet renamed into place.
/// </summary>
internal sealed class WriteWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly int _triggerAt;
    private readonly Action? _onTrigger;
    private int _seen;

    /// <param name="directory">The run's checkpoint directory; it must exist.</param>
    /// <param name="triggerAt">Which write (1-based) runs <paramref name="onTrigger"/>; 0 only counts.</param>
    /// <param name="onTrigger">Runs on the watcher's thread, as soon as the temporary file is reported.</param>
    public WriteWatcher(string directory, int triggerAt = 0, Action? onTrigger = null)
    {
        _triggerAt = triggerAt;
        _onTrigger = onTrigger;
        _watcher = new FileSystemWatcher(directory, "*.tmp") { NotifyFilter = NotifyFilters.FileName, InternalBufferSize = 64 * 1024 };
        _watcher.Created += (_, _) =>
        {
            if (Interlocked.Increment(ref _seen) == _triggerAt)
                _onTrigger?.Invoke();
        };
        _watcher.EnableRaisingEvents = true;
    }

    /// <summary>Temporary files seen so far: the checkpoint writes the child started.</summary>
    public int Seen => Volatile.Read(ref _seen);

    public void Dispose() => _watcher.Dispose();
}
