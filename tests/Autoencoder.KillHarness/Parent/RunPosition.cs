namespace Autoencoder.KillHarness.Parent;

/// <summary>Where a run stands: the epochs and steps its newest checkpoint holds (both 0 before the first).</summary>
internal readonly record struct RunPosition(int CompletedEpochs, long StepsIntoEpoch)
{
    /// <summary>The share of the run's steps done, 0 to 1.</summary>
    public double Progress(TrainingSize size) =>
        (CompletedEpochs * size.StepsPerEpoch + StepsIntoEpoch) / (double)(size.Epochs * size.StepsPerEpoch);
}
