using System;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Examples;

/// <summary>
/// What the examples show while training: a progress bar from the start and, once the model exists, a per-epoch
/// metrics.jsonl (with MSE, BCE and PSNR of the first 1,000 test images), a TensorBoard run with reconstructions of
/// the first 16, and loss.png at the end.
/// </summary>
internal sealed class ExampleReporting : IDisposable
{
    private const int ImagesShown = 16;
    private const int MetricImages = 1000;

    private readonly CompositeObserver _observers = new(new ConsoleProgressBar());
    private readonly string _outputDirectory;
    private readonly string _title;
    private ReconstructionRenderer? _renderer;
    private Tensor? _measured;

    public ExampleReporting(string outputDirectory, string title)
    {
        _outputDirectory = outputDirectory;
        _title = title;
    }

    /// <summary>Goes into the trainer's options before the trainer (and so the model) is created.</summary>
    public ITrainingObserver Observer => _observers;

    public string MetricsLogPath => Path.Combine(_outputDirectory, "metrics.jsonl");

    public string LossPlotPath => Path.Combine(_outputDirectory, "loss.png");

    public string TensorBoardDirectory => Path.Combine(_outputDirectory, "tensorboard");

    /// <summary>Adds the observers that measure or draw the model: call after Trainer.Create, before Fit.</summary>
    public void Watch(IAutoencoder model, Tensor testImages, int batchSize)
    {
        // Float64 MSE/BCE/PSNR over all 10,000 test images cost several validation passes (about 5x, measured), a large
        // share of a dense epoch; a fixed subset keeps the curves' shape at a small cost. metrics.json has the full set.
        _measured = testImages.slice(0, 0, MetricImages, 1);
        var metrics = new ReconstructionEpochMetrics(model, _measured, batchSize, prefix: $"test{MetricImages}");
        using (var shown = testImages.slice(0, 0, ImagesShown, 1))
        {
            _renderer = new ReconstructionRenderer(model, shown); // keeps a copy
        }

        // One subdirectory per run, so that `tensorboard --logdir` on the parent compares runs instead of mixing them.
        var run = DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        _observers.Add(new JsonLinesMetricsLog(MetricsLogPath, metrics));
        _observers.Add(new TensorBoardLog(Path.Combine(TensorBoardDirectory, run), metrics, _renderer));
        _observers.Add(new LossCurvePlot(LossPlotPath, _title));
    }

    public void PrintWhereToLook()
    {
        Console.WriteLine($"Wrote {MetricsLogPath} (one JSON line per epoch) and {LossPlotPath}");
        Console.WriteLine($"TensorBoard: tensorboard --logdir {TensorBoardDirectory}");
    }

    public void Dispose()
    {
        _observers.Dispose();
        _renderer?.Dispose();
        _measured?.Dispose();
    }
}
