using System;
using System.IO;
using Shouldly;

namespace Autoencoder.Cli.Tests;

/// <summary>Runs the tool in-process and checks how it ended.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public static CliResult Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        int code = CliApp.Run(args, stdout, stderr);
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    public CliResult ShouldSucceed()
    {
        ExitCode.ShouldBe(0, $"stderr: {Error}\nstdout: {Out}");
        Error.ShouldBeEmpty();
        return this;
    }

    /// <summary>Non-zero exit, exactly one line on stderr in the tool's error format, no stack trace; returns that line.</summary>
    public string ShouldFailWithOneLine()
    {
        ExitCode.ShouldNotBe(0, $"stdout: {Out}");
        var lines = Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, $"stderr: {Error}");
        lines[0].ShouldStartWith("autoencoder: error: ");
        Error.ShouldNotContain("   at ");
        Error.ShouldNotContain("Exception:");
        return lines[0];
    }
}
