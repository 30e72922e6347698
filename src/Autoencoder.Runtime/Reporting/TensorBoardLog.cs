using System;
using System.IO;
using Autoencoder.Runtime.Training;
using TorchSharp;
using TorchSharp.Modules;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// Writes a TensorBoard event file (TorchSharp's <see cref="SummaryWriter"/>) with one point per epoch, the step being
/// the epoch number: <c>loss/train</c>, <c>loss/validation</c>, <c>time/epoch_seconds</c>,
/// <c>time/samples_per_second</c>, <c>train/{name}</c> and <c>val/{name}</c> for each named term of the objective,
/// <c>metrics/{name}</c> for each <see cref="IEpochMetrics"/> value, and the image
/// <c>reconstructions</c> (fixed inputs above their reconstructions) at step 0, before training, and after every epoch.
/// Every event is flushed as it is written.
/// </summary>
public sealed class TensorBoardLog : ITrainingObserver
{
    /// <summary>Tag of the image written by the <see cref="ReconstructionRenderer"/>.</summary>
    public const string ReconstructionsTag = "reconstructions";

    private readonly SummaryWriter _writer;
    private readonly IEpochMetrics? _metrics;
    private readonly ReconstructionRenderer? _reconstructions;
    private bool _initialImageWritten;

    /// <param name="runDirectory">This run's directory; point <c>tensorboard --logdir</c> at it or at its parent, where
    /// each subdirectory shows as one run. Created if needed; the event file is created now.</param>
    /// <param name="metrics">Extra scalars measured after each epoch, or null.</param>
    /// <param name="reconstructions">Renders the image each epoch, or null for scalars only. Not owned: dispose it yourself.</param>
    public TensorBoardLog(string runDirectory, IEpochMetrics? metrics = null, ReconstructionRenderer? reconstructions = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(runDirectory);
        _writer = torch.utils.tensorboard.SummaryWriter(Path.GetFullPath(runDirectory));
        _metrics = metrics;
        _reconstructions = reconstructions;
    }

    /// <summary>The directory holding the event file.</summary>
    public string RunDirectory => _writer.LogDir;

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
        // The untrained model's output gives the image slider a starting point.
        if (!_initialImageWritten)
        {
            _initialImageWritten = true;
            WriteReconstructions(epoch - 1);
        }
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        int step = result.Epoch;
        _writer.add_scalar("loss/train", (float)result.TrainLoss, step);
        if (result.ValidationLoss is double validation)
        {
            _writer.add_scalar("loss/validation", (float)validation, step);
        }

        foreach (var term in result.TrainTerms)
        {
            _writer.add_scalar("train/" + term.Name, (float)term.Value, step);
        }

        foreach (var term in result.ValidationTerms)
        {
            _writer.add_scalar("val/" + term.Name, (float)term.Value, step);
        }

        _writer.add_scalar("time/epoch_seconds", (float)result.Duration.TotalSeconds, step);
        _writer.add_scalar("time/samples_per_second", (float)result.SamplesPerSecond, step);
        if (_metrics is not null)
        {
            foreach (var metric in _metrics.Measure(result))
            {
                _writer.add_scalar("metrics/" + metric.Name, (float)metric.Value, step);
            }
        }

        WriteReconstructions(step);
    }

    private void WriteReconstructions(int step)
    {
        if (_reconstructions is null)
        {
            return;
        }

        var grid = _reconstructions.Render();
        // Through a PNG file: TorchSharp's tensor overload scales the pixels with temporary Scalars that a collection can
        // free mid-call (Autoencoder.Runtime.Torch.HeldScalars); from a file it only decodes and re-encodes them.
        var png = Path.Combine(Path.GetTempPath(), $"autoencoder-tensorboard-{Environment.ProcessId}-{Guid.NewGuid():N}.png");
        try
        {
            File.WriteAllBytes(png, grid.EncodePng());
            _writer.add_img(ReconstructionsTag, png, step);
        }
        finally
        {
            File.Delete(png);
        }
    }
}
