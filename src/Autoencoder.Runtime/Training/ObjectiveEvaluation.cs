using System.Collections.Immutable;

namespace Autoencoder.Runtime.Training;

/// <summary>An objective averaged over a data set: its loss and each of its named terms.</summary>
/// <param name="Loss">Sample-weighted mean of the batch losses.</param>
/// <param name="Terms">Sample-weighted mean of each term, in the objective's order; empty for a plain loss.</param>
public sealed record ObjectiveEvaluation(double Loss, ImmutableArray<TermValue> Terms);
