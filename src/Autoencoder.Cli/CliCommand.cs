using System.Collections.Generic;
using System.CommandLine;

namespace Autoencoder.Cli;

/// <summary>A command with worked examples, which its --help prints after the options.</summary>
internal sealed class CliCommand(string name, string description) : Command(name, description)
{
    /// <summary>Example command lines, each with what it does.</summary>
    public List<(string CommandLine, string Explanation)> Examples { get; } = [];

    public CliCommand Example(string commandLine, string explanation)
    {
        Examples.Add((commandLine, explanation));
        return this;
    }
}
