using Autoencoder.Runtime.Training;

namespace Autoencoder.Benchmarks.Stress;

/// <summary>Counts optimizer steps and checkpoints as a run reports them, so a failure can say how far the run got.</summary>
internal sealed class StepCounter : ITrainingObserver
{
    public long Steps { get; private set; }

    public long Checkpoints { get; private set; }

    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
    }

    public void OnBatchEnd(int epoch, long samplesSoFar) => Steps++;

    public void OnEpochEnd(EpochResult result)
    {
    }

    public void OnCheckpoint(string path) => Checkpoints++;
}
