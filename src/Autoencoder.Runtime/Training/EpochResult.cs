using System;
using System.Collections.Immutable;

namespace Autoencoder.Runtime.Training;

/// <summary>Outcome of one epoch.</summary>
/// <param name="Epoch">1-based epoch number.</param>
/// <param name="TrainLoss">Sample-weighted mean of the batch losses seen while training this epoch.</param>
/// <param name="ValidationLoss">Loss over the validation set after this epoch, or null without validation data.</param>
/// <param name="Duration">Wall time of the epoch, validation included.</param>
/// <param name="SamplesPerSecond">Training throughput, validation excluded.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double? ValidationLoss, TimeSpan Duration, double SamplesPerSecond)
{
    /// <summary>
    /// Sample-weighted means of the objective's named terms while training this epoch, in the objective's order
    /// (see <see cref="BatchObjective.Terms"/>); empty for a plain loss.
    /// </summary>
    public ImmutableArray<TermValue> TrainTerms
    {
        get;
        init => field = value.IsDefault ? [] : value; // never default: enumerating a default ImmutableArray throws
    } = [];

    /// <summary>The same terms over the validation set after this epoch; empty without validation data or terms.</summary>
    public ImmutableArray<TermValue> ValidationTerms
    {
        get;
        init => field = value.IsDefault ? [] : value;
    } = [];
}
