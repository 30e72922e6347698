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

    /// <summary>
    /// Samples trained on in this epoch, the steps before a resume included: the data's count, less the samples skipped,
    /// and less those never reached in a <see cref="Partial"/> epoch.
    /// </summary>
    public long Samples { get; init; }

    /// <summary>Samples left out of this epoch because their files were bad (<c>BadImagePolicy.Skip</c>).</summary>
    public long SkippedSamples { get; init; }

    /// <summary>
    /// Steps computed again because their gradients were not finite while their loss was
    /// (<see cref="TrainingOptions.NonFiniteGradientRetries"/>).
    /// </summary>
    public long RecomputedSteps { get; init; }

    /// <summary>
    /// True when <see cref="TrainingOptions.MaxSteps"/> ended the run inside this epoch: <see cref="TrainLoss"/> is the
    /// mean over the <see cref="Samples"/> it reached, the schedule and early stopping did not see it, and checkpoints
    /// do not list it (a resumed run trains the rest of it).
    /// </summary>
    public bool Partial { get; init; }

    /// <summary>
    /// Time the training thread spent waiting for training batches in this epoch, in this process: the loading that
    /// prefetching did not hide (indexing tensors, for in-memory data). Validation is not included.
    /// </summary>
    public TimeSpan DataWait { get; init; }
}
