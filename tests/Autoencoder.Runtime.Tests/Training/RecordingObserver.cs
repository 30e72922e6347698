using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>Records every callback as a short string and lets a test hook epoch/batch ends.</summary>
internal sealed class RecordingObserver : ITrainingObserver
{
    public List<string> Calls { get; } = new();
    public Action<EpochResult>? AfterEpoch { get; init; }
    public Action<int, long>? AfterBatch { get; init; }
    public Action<string>? AfterCheckpoint { get; init; }

    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch) =>
        Calls.Add($"start {epoch}/{totalEpochs} n={samplesPerEpoch}");

    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
        Calls.Add($"batch {epoch} {samplesSoFar}");
        AfterBatch?.Invoke(epoch, samplesSoFar);
    }

    public void OnEpochEnd(EpochResult result)
    {
        Calls.Add($"end {result.Epoch}");
        AfterEpoch?.Invoke(result);
    }

    public void OnCheckpoint(string path)
    {
        Calls.Add("checkpoint " + System.IO.Path.GetFileName(path));
        AfterCheckpoint?.Invoke(path);
    }

    public void OnResumed(string path, int completedEpochs, long stepsIntoEpoch) =>
        Calls.Add($"resumed {completedEpochs} {stepsIntoEpoch}");
}
