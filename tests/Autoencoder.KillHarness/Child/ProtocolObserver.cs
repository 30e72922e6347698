using System;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Child;

/// <summary>Tells the parent, on stdout, where training resumed from and each checkpoint written.</summary>
internal sealed class ProtocolObserver : ITrainingObserver
{
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
    }

    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
    }

    public void OnEpochEnd(EpochResult result)
    {
    }

    public void OnResumed(string path, int completedEpochs, long stepsIntoEpoch) =>
        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Resumed, path));

    public void OnCheckpoint(string path) =>
        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Checkpoint, path));
}
