namespace Autoencoder.Runtime.Training;

/// <summary>Settings for <c>TrainingLoop.Fit</c>. Validated when training starts, not when set.</summary>
public sealed class TrainingOptions
{
    /// <summary>Number of passes over the training data. Zero is allowed and trains nothing.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>
    /// Train at most this many steps in all (counted from the run's start, so a run resumed from a checkpoint stops at
    /// the same step), then stop, for smoke runs; null trains every epoch. The last epoch may be partial
    /// (<see cref="EpochResult.Partial"/>, <see cref="TrainingReport.StoppedAtMaxSteps"/>); the schedule still spans
    /// <see cref="Epochs"/>. Every batch position counts as a step, one whose samples were all skipped included.
    /// </summary>
    public long? MaxSteps { get; set; }

    /// <summary>Samples per optimizer step; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Seeds both the shuffling generator and torch's global generator (dropout, noise).</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Visit the training samples in a new random order each epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Receives progress callbacks; null trains silently. <see cref="ConsoleProgress"/> is the usual one.</summary>
    public ITrainingObserver? Observer { get; set; }

    /// <summary>Stop when the monitored loss stops improving; null trains every epoch.</summary>
    public EarlyStopping? EarlyStopping { get; set; }

    /// <summary>How the learning rate changes over the run; null keeps the optimizer's rate.</summary>
    public LearningRateSchedule? Schedule { get; set; }

    /// <summary>Rescale the gradients so their global L2 norm is at most this before each step; null does not clip.</summary>
    public double? GradientClipNorm { get; set; }

    /// <summary>
    /// How many times a step whose loss is finite but whose gradients are not is computed again on the same batch before
    /// the run stops with a <see cref="NonFiniteTrainingException"/> (default 2; 0 stops at once). Guards against kernels
    /// that now and then return NaN (docs/troubleshooting.md); a recomputed step updates batch-norm statistics again.
    /// </summary>
    public int NonFiniteGradientRetries { get; set; } = 2;

    /// <summary>
    /// Compute each step in a low-precision copy of the model (<see cref="TrainingPrecision.BFloat16"/>) made by this replica;
    /// null computes in float32. Generated trainers set it from their <c>Precision</c> option. A checkpoint records the
    /// precision, and a run in another precision does not resume from it.
    /// </summary>
    public LowPrecisionReplica? LowPrecision { get; set; }

    /// <summary>Write checkpoints (and resume from them); null writes none.</summary>
    public CheckpointOptions? Checkpoints { get; set; }

    /// <summary>
    /// Identifies the model's architecture (generated trainers pass their model's <c>Fingerprint</c>); a checkpoint
    /// written for another fingerprint is refused. Null skips that check (weights are still checked by name and shape).
    /// </summary>
    public string? ModelFingerprint { get; set; }
}
