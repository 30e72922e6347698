namespace Autoencoder.Runtime.Training;

/// <summary>A named term of an objective and a number for it: its mean over an epoch or an evaluation.</summary>
/// <param name="Name">The term's name, as <see cref="LossTerm.Name"/> gave it.</param>
/// <param name="Value">The sample-weighted mean (or, inside a checkpoint, the partial epoch's sum).</param>
public readonly record struct TermValue(string Name, double Value);
