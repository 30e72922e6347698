namespace Autoencoder.Runtime.Training;

/// <summary>
/// Progress callbacks from <c>TrainingLoop.Fit</c>, all made on the training thread.
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

    /// <summary>
    /// <c>TrainingLoop.Fit</c> is about to return <paramref name="report"/>, after the last epoch or a
    /// cancellation. Not called when training throws. Observers that write a summary of the whole run
    /// (a plot) or hold a live display do it here; the default does nothing.
    /// </summary>
    void OnTrainingEnd(TrainingReport report)
    {
    }

    /// <summary>A checkpoint was written (atomically: the file at <paramref name="path"/> is complete). The default does nothing.</summary>
    void OnCheckpoint(string path)
    {
    }

    /// <summary>
    /// Training continues from the checkpoint at <paramref name="path"/>, after <paramref name="completedEpochs"/> epochs
    /// and <paramref name="stepsIntoEpoch"/> steps of the next; called before the first <see cref="OnEpochStart"/>. The default does nothing.
    /// </summary>
    void OnResumed(string path, int completedEpochs, long stepsIntoEpoch)
    {
    }
}
