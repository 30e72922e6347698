using System;

namespace Autoencoder.Cli;

/// <summary>An expected failure (bad input, wrong model, ...) whose message is the whole story: printed as one line, no stack trace.</summary>
internal sealed class CliException(string message) : Exception(message);
