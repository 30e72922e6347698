using System;
using System.Diagnostics;
using System.Text;

namespace Autoencoder.Runtime.Tests.Shared;

/// <summary>Runs another project under tests/ as a program, from the build that built these tests, and collects its output.</summary>
internal static class BuiltProgram
{
    /// <summary>Runs <paramref name="project"/> with <paramref name="arguments"/>; kills it and throws after <paramref name="timeout"/>.</summary>
    public static (int ExitCode, string Output) Run(string project, TimeSpan timeout, params string[] arguments) =>
        Run(project, timeout, new System.Collections.Generic.Dictionary<string, string>(), arguments);

    /// <summary>As <see cref="Run(string, TimeSpan, string[])"/>, with <paramref name="environment"/> set for the program.</summary>
    public static (int ExitCode, string Output) Run(
        string project, TimeSpan timeout, System.Collections.Generic.IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        string assembly = RepoPaths.BuiltAssembly(project);
        var start = new ProcessStartInfo
        {
            // The dotnet CLI tells the processes it starts where its host is; fall back to the one on PATH.
            FileName = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);

        var text = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (text) text.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{project} did not finish within {timeout.TotalMinutes} minutes. Its output:\n{text}");
        }

        process.WaitForExit(); // drains the redirected output
        return (process.ExitCode, text.ToString());
    }
}
