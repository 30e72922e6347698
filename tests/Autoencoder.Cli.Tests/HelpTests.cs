using Shouldly;
using Xunit;

namespace Autoencoder.Cli.Tests;

public sealed class HelpTests
{
    [Theory]
    [InlineData("models")]
    [InlineData("train")]
    [InlineData("denoise")]
    [InlineData("inpaint")]
    [InlineData("sample")]
    [InlineData("interpolate")]
    [InlineData("embed")]
    [InlineData("probe")]
    [InlineData("anomaly")]
    [InlineData("compress")]
    [InlineData("decompress")]
    [InlineData("evaluate")]
    public void Every_command_has_help_with_a_description_and_an_example(string command)
    {
        var result = CliResult.Run(command, "--help").ShouldSucceed();
        result.Out.ShouldContain("Description:");
        result.Out.ShouldContain("Examples:");
        result.Out.ShouldContain($"  autoencoder {command}");
    }

    [Fact]
    public void The_tool_help_lists_the_commands()
    {
        var result = CliResult.Run("--help").ShouldSucceed();
        result.Out.ShouldContain("compress <input>");
        result.Out.ShouldContain("autoencoder models");
    }
}
