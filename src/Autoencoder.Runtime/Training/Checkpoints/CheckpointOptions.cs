namespace Autoencoder.Runtime.Training;

/// <summary>Where and how often a run writes checkpoints, and whether it resumes from them.</summary>
/// <remarks>
/// A checkpoint holds everything needed to continue the run bit-for-bit on CPU: weights, optimizer state,
/// learning-rate schedule and early-stopping state, the epoch and step, the RNG states and the loss history.
/// Files are written atomically (temporary file, flushed to disk, renamed), so a crash leaves either the old
/// set of checkpoints or the old set plus one complete new file.
/// </remarks>
public sealed class CheckpointOptions
{
    /// <summary>The directory holding this run's checkpoints; created when missing.</summary>
    public required string Directory { get; init; }

    /// <summary>How many of the newest checkpoints to keep; older ones are deleted. At least 1.</summary>
    public int KeepLast { get; init; } = 3;

    /// <summary>Also keep the checkpoint with the lowest monitored loss (validation loss, else training loss) as <c>best.ckpt</c>.</summary>
    public bool KeepBest { get; init; } = true;

    /// <summary>Also write a checkpoint every this many optimizer steps inside an epoch; null writes one at each epoch end only.</summary>
    public int? EverySteps { get; init; }

    /// <summary>
    /// When the directory already holds checkpoints, continue from the newest complete one instead of starting over
    /// (as Keras' BackupAndRestore does). A run that already finished returns its recorded history without training.
    /// When off, a directory that already holds checkpoints is an error rather than a mix of two runs' files.
    /// </summary>
    public bool Resume { get; init; } = true;
}
