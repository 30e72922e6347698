using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Xunit;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>Runs python3 scripts that need only the standard library (no PyTorch), when python3 is on the PATH.</summary>
internal static class Python3
{
    public static string? Executable { get; } = Find();

    private static string? Find()
    {
        string name = OperatingSystem.IsWindows() ? "python3.exe" : "python3";
        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>Runs the script with the arguments and returns its standard output; fails on a non-zero exit.</summary>
    public static string Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable ?? throw new InvalidOperationException("python3 is not on the PATH"))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        foreach (string argument in arguments)
            start.ArgumentList.Add(argument);

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill();
            throw new TimeoutException($"python3 {script} did not finish within a minute.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"python3 {script} exited with {process.ExitCode}: {error.Result}");
        return output;
    }
}

/// <summary>A theory that needs python3 (standard library only); skipped where there is none.</summary>
public sealed class Python3TheoryAttribute : TheoryAttribute
{
    public Python3TheoryAttribute()
    {
        if (Python3.Executable is null) Skip = "python3 is not on the PATH";
    }
}
