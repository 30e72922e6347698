namespace Autoencoder.Runtime.Training;

/// <summary>
/// Progress callbacks from <see cref="TrainingLoop.Fit"/>, all made on the training thread.
/// <see cref="OnBatchEnd"/> runs after every optimizer step, so implementations must be cheap.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>An epoch (1-based) is about to start.</summary>
    void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch);

    /// <summary>An optimizer step finished; <paramref name="samplesSoFar"/> counts samples of this epoch.</summary>
    void OnBatchEnd(int epoch, long samplesSoFar);

    /// <summary>An epoch finished, including its validation pass.</summary>
    void OnEpochEnd(EpochResult result);
}
