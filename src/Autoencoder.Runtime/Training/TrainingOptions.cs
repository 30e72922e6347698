namespace Autoencoder.Runtime.Training;

/// <summary>Settings for <see cref="TrainingLoop.Fit"/>. Validated when training starts, not when set.</summary>
public sealed class TrainingOptions
{
    /// <summary>Number of passes over the training data. Zero is allowed and trains nothing.</summary>
    public int Epochs { get; set; } = 10;

    /// <summary>Samples per optimizer step; the last batch of an epoch may be smaller.</summary>
    public int BatchSize { get; set; } = 64;

    /// <summary>Seeds both the shuffling generator and torch's global generator (dropout, noise).</summary>
    public long Seed { get; set; } = 42;

    /// <summary>Visit the training samples in a new random order each epoch.</summary>
    public bool Shuffle { get; set; } = true;

    /// <summary>Receives progress callbacks; null trains silently. <see cref="ConsoleProgress"/> is the usual one.</summary>
    public ITrainingObserver? Observer { get; set; }
}
