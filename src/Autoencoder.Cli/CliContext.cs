using System;
using System.IO;

namespace Autoencoder.Cli;

/// <summary>Where a command writes: its results to <see cref="Out"/>, its progress lines too (errors go up to <see cref="CliApp"/>).</summary>
internal sealed class CliContext(TextWriter output, TextWriter error)
{
    public TextWriter Out { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>True when <see cref="Out"/> is an interactive console, where a progress line can be redrawn in place.</summary>
    public bool Interactive => ReferenceEquals(Out, Console.Out) && !Console.IsOutputRedirected;
}
