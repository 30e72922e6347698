using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Training;

/// <summary>What <c>TrainingLoop.Fit</c> did: one entry per completed epoch.</summary>
public sealed class TrainingReport
{
    /// <summary>Creates a report over the given completed epochs.</summary>
    public TrainingReport(IReadOnlyList<EpochResult> epochs, TimeSpan totalTime, bool cancelled)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        Epochs = epochs;
        TotalTime = totalTime;
        Cancelled = cancelled;
    }

    /// <summary>
    /// Completed epochs in order, those before a resume included. An epoch interrupted by cancellation is not listed; one
    /// cut by <see cref="TrainingOptions.MaxSteps"/> is, last, marked <see cref="EpochResult.Partial"/>.
    /// </summary>
    public IReadOnlyList<EpochResult> Epochs { get; }

    /// <summary>Wall time of the whole run.</summary>
    public TimeSpan TotalTime { get; }

    /// <summary>True when the run stopped early because its cancellation token fired.</summary>
    public bool Cancelled { get; }

    /// <summary>True when <see cref="TrainingOptions.EarlyStopping"/> ended the run before its last epoch.</summary>
    public bool StoppedEarly { get; init; }

    /// <summary>The epoch whose weights the model holds after early stopping restored the best ones; null when nothing was restored.</summary>
    public int? RestoredBestEpoch { get; init; }

    /// <summary>The checkpoint this run resumed from, or null when it started fresh.</summary>
    public string? ResumedFrom { get; init; }

    /// <summary>The newest checkpoint the run wrote (or resumed from), or null without checkpoints.</summary>
    public string? LastCheckpoint { get; init; }

    /// <summary>True when <see cref="TrainingOptions.MaxSteps"/> ended the run before its last epoch was finished.</summary>
    public bool StoppedAtMaxSteps { get; init; }

    /// <summary>Optimizer-step positions the run has passed in all, the steps before a resume included.</summary>
    public long Steps { get; init; }

    /// <summary>Samples skipped because their files were bad, over the listed epochs.</summary>
    public long SkippedSamples => Epochs.Sum(e => e.SkippedSamples);

    /// <summary>Steps computed again because of non-finite gradients, over the listed epochs (<see cref="EpochResult.RecomputedSteps"/>).</summary>
    public long RecomputedSteps => Epochs.Sum(e => e.RecomputedSteps);

    /// <summary>Time spent waiting for training batches over the listed epochs (see <see cref="EpochResult.DataWait"/>).</summary>
    public TimeSpan DataWait => TimeSpan.FromTicks(Epochs.Sum(e => e.DataWait.Ticks));

    /// <summary>Training loss of the last completed epoch, or NaN when no epoch completed.</summary>
    public double FinalTrainLoss => Epochs.Count == 0 ? double.NaN : Epochs[^1].TrainLoss;

    /// <summary>Validation loss of the last completed epoch, or null without validation data or epochs.</summary>
    public double? FinalValidationLoss => Epochs.Count == 0 ? null : Epochs[^1].ValidationLoss;
}
