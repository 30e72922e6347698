using System.Collections.Generic;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// Samples that <c>TrainingLoop.Fit</c> trains or validates on, handed out one epoch at a time in batches: an in-memory
/// tensor (<see cref="TensorData"/>) or a source that reads as it goes (<see cref="ImageFolderData"/>).
/// </summary>
/// <remarks>
/// A source must give the same batches for the same <see cref="EpochPlan"/>, whatever the thread timing, and must be
/// able to start an epoch at any step: that is what lets a run resumed from a checkpoint end bit-identical to one
/// that was never interrupted.
/// </remarks>
public interface ITrainingData
{
    /// <summary>Samples in one epoch (before any bad ones are skipped); at least one.</summary>
    long Count { get; }

    /// <summary>The shape of one sample, e.g. [C, H, W]; -1 where it varies from sample to sample (whole images).</summary>
    IReadOnlyList<long> SampleShape { get; }

    /// <summary>
    /// What a checkpoint records about this data besides <see cref="Count"/>, so that a run is not resumed on other data
    /// or other settings (e.g. the files and the patch settings of an image folder); null for in-memory tensors.
    /// </summary>
    string? Identity { get; }

    /// <summary>Starts reading one epoch's batches, from <see cref="EpochPlan.FirstStep"/> on.</summary>
    /// <exception cref="System.ArgumentException">The plan asks for a step past the end of the epoch.</exception>
    IBatchReader OpenEpoch(EpochPlan plan);
}
