using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace Autoencoder.Package.Tests;

/// <summary>Runs the dotnet CLI (or a built app) as a child process and captures everything it prints.</summary>
internal static class DotNet
{
    // A first restore may still download; nothing here should take longer on 2 cores.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public sealed record Result(int ExitCode, string Output, TimeSpan Elapsed)
    {
        public override string ToString() => $"exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s:\n{Output}";
    }

    public static Result Run(string workingDirectory, params string[] arguments) => Run(workingDirectory, "dotnet", arguments);

    public static Result Run(string workingDirectory, string fileName, IEnumerable<string> arguments)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);

        // The test host runs under `dotnet test`, whose MSBuild settings must not leak into a build of another tree.
        foreach (string name in new List<string>(EnvironmentNames(info)))
        {
            if (name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(name);
            }
        }
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Training shares 2 cores with the rest of the test run.
        info.Environment["OMP_NUM_THREADS"] = "1";
        info.Environment["OMP_WAIT_POLICY"] = "PASSIVE";

        var output = new StringBuilder();
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            lock (output) output.AppendLine($"(killed after {Timeout.TotalMinutes} minutes)");
        }
        process.WaitForExit();
        lock (output) return new Result(process.HasExited ? process.ExitCode : -1, output.ToString(), stopwatch.Elapsed);
    }

    private static IEnumerable<string> EnvironmentNames(ProcessStartInfo info) => info.Environment.Keys;
}
