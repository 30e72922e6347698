using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;

namespace Autoencoder.KillHarness.Parent;

/// <summary>A training child: this same program in child mode, its stdout lines and stderr kept for the parent.</summary>
internal sealed class ChildProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _lines = new();
    private readonly StringBuilder _errors = new();
    private readonly Stopwatch _clock;

    private ChildProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_lines) _lines.Add(e.Data); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_errors) _errors.AppendLine(e.Data); };
        _process.EnableRaisingEvents = true;
        _process.Exited += (_, _) => ExitedAt = Elapsed;
        _clock = Stopwatch.StartNew();
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Time since the start, which the kill plan's delays count from.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>When the child printed <see cref="ChildProtocol.Training"/>, measured from the start.</summary>
    public TimeSpan? TrainingStartedAt { get; private set; }

    /// <summary>When the child exited, measured from the start; null while it runs.</summary>
    public TimeSpan? ExitedAt { get; private set; }

    /// <summary>When the parent froze and killed it, measured from the start; null when it was not killed.</summary>
    public TimeSpan? KilledAt { get; private set; }

    public bool Killed => KilledAt is not null;

    public int ExitCode => _process.ExitCode;

    public static ChildProcess Start(string directory, TrainingSize size)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Run as we were run: through the dotnet host (dotnet Autoencoder.KillHarness.dll) or the apphost.
        string self = Environment.ProcessPath ?? throw new InvalidOperationException("The harness cannot find its own executable.");
        start.FileName = self;
        if (Path.GetFileNameWithoutExtension(self) == "dotnet")
            start.ArgumentList.Add(typeof(ChildProcess).Assembly.Location);
        foreach (var argument in new[] { "--child", "--dir", directory }.Concat(size.Arguments()))
            start.ArgumentList.Add(argument);

        var child = new ChildProcess(new Process { StartInfo = start });
        child._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && child.TrainingStartedAt is null && ChildProtocol.ValueOf(e.Data, ChildProtocol.Training) is not null)
                child.TrainingStartedAt = child.Elapsed;
        };
        return child;
    }

    /// <summary>SIGKILLs the child and anything it started; false when it had already exited.</summary>
    public bool Kill()
    {
        try
        {
            if (_process.HasExited)
                return false;
            // Kill(entireProcessTree) lists every process before it signals the child: 20-50 ms here, as long as a
            // whole checkpoint write. Freezing the child first makes this moment the moment of the kill.
            UnixSignals.Stop(_process.Id);
            KilledAt = Elapsed;
            _process.Kill(entireProcessTree: true);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false; // exited between the check and the kill
        }
    }

    /// <summary>Waits for the child to exit and its output to be read; false on timeout.</summary>
    public bool WaitForExit(TimeSpan timeout)
    {
        if (!_process.WaitForExit(timeout))
            return false;
        _process.WaitForExit(); // drains the redirected output
        ExitedAt ??= Elapsed;     // in case the Exited event has not been raised yet
        return true;
    }

    public bool HasExited => _process.HasExited;

    /// <summary>The values of the stdout lines that start with <paramref name="keyword"/>, in order.</summary>
    public IReadOnlyList<string> Values(string keyword)
    {
        lock (_lines)
            return _lines.Select(l => ChildProtocol.ValueOf(l, keyword)).OfType<string>().ToList();
    }

    /// <summary>What the child wrote to stderr, and the end of its stdout, for a failure message.</summary>
    public string Diagnostics()
    {
        string errors;
        lock (_errors)
            errors = _errors.ToString().TrimEnd();
        string lastLines;
        lock (_lines)
            lastLines = string.Join(Environment.NewLine, _lines.TakeLast(5));
        return $"stderr:{Environment.NewLine}{(errors.Length == 0 ? "(empty)" : errors)}{Environment.NewLine}" +
               $"last stdout lines:{Environment.NewLine}{(lastLines.Length == 0 ? "(none)" : lastLines)}";
    }

    public void Dispose()
    {
        Kill();
        _process.WaitForExit(TimeSpan.FromSeconds(10));
        _process.Dispose();
    }
}
