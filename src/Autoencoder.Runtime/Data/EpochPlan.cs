namespace Autoencoder.Runtime.Data;

/// <summary>Which batches of which epoch to read: everything a source needs to give them deterministically.</summary>
/// <param name="Seed">The run's seed (<c>TrainingOptions.Seed</c>).</param>
/// <param name="Epoch">1-based epoch number; 0 for an evaluation pass.</param>
/// <param name="BatchSize">Samples per batch; the last batch of the epoch may be smaller.</param>
/// <param name="Shuffle">Visit the samples in an order drawn from (<paramref name="Seed"/>, <paramref name="Epoch"/>); else in index order.</param>
/// <param name="FirstStep">Batches to leave out at the start (0-based index of the first batch read), as when resuming mid-epoch.</param>
public sealed record EpochPlan(long Seed, int Epoch, int BatchSize, bool Shuffle, long FirstStep = 0)
{
    /// <summary>An evaluation pass: every sample once, in index order, from the first batch.</summary>
    public static EpochPlan Evaluation(int batchSize) => new(0, 0, batchSize, Shuffle: false);
}
