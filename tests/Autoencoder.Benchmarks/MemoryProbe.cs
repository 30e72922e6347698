using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Benchmarks;

/// <summary>Takes a <see cref="MemorySample"/> at the end of every epoch; add it last, after the observers it watches.</summary>
internal sealed class MemoryProbe : ITrainingObserver
{
    private readonly List<(EpochResult Epoch, MemorySample Memory)> _epochs = new();
    private readonly Action<EpochResult, MemorySample> _onSample;

    /// <param name="onSample">Called with each sample as it is taken (to print it).</param>
    public MemoryProbe(Action<EpochResult, MemorySample> onSample) => _onSample = onSample;

    public IReadOnlyList<(EpochResult Epoch, MemorySample Memory)> Epochs => _epochs;

    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
    }

    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
    }

    public void OnEpochEnd(EpochResult result)
    {
        var sample = MemorySample.Take();
        _epochs.Add((result, sample));
        _onSample(result, sample);
    }
}
