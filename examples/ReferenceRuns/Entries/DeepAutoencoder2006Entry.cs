using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// Hinton &amp; Salakhutdinov (2006), Fig. 2 text: the 784-1000-500-250-30 autoencoder reconstructs MNIST test images with
/// an average squared error of 3.00 per image (summed over the 784 pixels), against 13.87 for 30-component PCA. We train
/// the same shape from scratch (no RBM pretraining) and report the same metric, with PCA on the same data beside it.
/// </summary>
internal sealed class DeepAutoencoder2006Entry : IReferenceEntry
{
    private const string Source = "Hinton & Salakhutdinov 2006 (Science 313)";
    private const string Metric = "test squared error per image (sum over 784 pixels)";
    private const int PcaComponents = 30;

    private static readonly DeepAutoencoder2006.TrainingOptions Declared = new();

    public string Name => "deep2006";

    public string Settings { get; } = SettingsFor(Declared.Epochs);

    private static string SettingsFor(int epochs) => string.Create(CultureInfo.InvariantCulture,
        $"784-1000-500-250-30 ReLU+BatchNorm, linear code, sigmoid output, BCE; Adam, one-cycle to {Declared.LearningRate:G}, " +
        $"{epochs} epochs, batch {Declared.BatchSize}, seed {Declared.Seed}, He init, no pretraining");

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var mnist = context.Mnist;
        var rows = new List<ReferenceResult>();

        var pcaTime = Stopwatch.StartNew();
        double pcaError;
        using (var pca = Pca.Fit(mnist.Train.Images, PcaComponents))
            pcaError = pca.MeanSquaredErrorPerSample(mnist.Test.Images);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"PCA-{PcaComponents}: {pcaError:F2} per test image"));
        rows.Add(new ReferenceResult(Name, $"PCA, {PcaComponents} components (fit on the 60,000 training images)", Metric,
            pcaError, 13.87, Source, pcaTime.Elapsed, "mean-centred, float64 covariance eigen-decomposition"));

        var time = Stopwatch.StartNew();
        int epochs = context.Epochs(Declared.Epochs);
        var trend = new TestErrorTrend(context.Log, mnist.Test.Images, every: TrendInterval);
        var trainer = DeepAutoencoder2006.Trainer.Create(new DeepAutoencoder2006.TrainingOptions
        {
            Epochs = epochs,
            Threads = context.Threads,
            Observer = new CompositeObserver(new ConsoleProgress(context.Log, interactive: false), trend),
            // Resumable: a run stopped part-way continues from its last epoch when started again with the same settings.
            Checkpoints = new CheckpointOptions { Directory = Path.Combine(context.OutputDirectory, "checkpoints", $"epochs-{epochs}"), KeepLast = 1 },
        });
        trend.Model = trainer.Model;
        trainer.Fit(mnist.Train.Images);
        var test = trainer.Evaluate(mnist.Test.Images);
        double error = test.Mse * MnistImagePixels;
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Deep autoencoder: {error:F2} per test image"));
        rows.Add(new ReferenceResult(Name, "Deep autoencoder 784-1000-500-250-30 (from scratch)", Metric,
            error, 3.00, Source, time.Elapsed, SettingsFor(epochs)));
        return rows;
    }

    private const int MnistImagePixels = 28 * 28;

    /// <summary>Epochs between two measurements of the test error while training (each costs about a third of an epoch).</summary>
    private const int TrendInterval = 10;

    /// <summary>Logs the test error every few epochs, so a run shows how the figure approaches its final value.</summary>
    private sealed class TestErrorTrend(TextWriter log, TorchSharp.torch.Tensor images, int every) : ITrainingObserver
    {
        public DeepAutoencoder2006? Model { get; set; }

        public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
        {
        }

        public void OnBatchEnd(int epoch, long samplesSoFar)
        {
        }

        public void OnEpochEnd(EpochResult result)
        {
            if (Model is null || result.Epoch % every != 0)
                return;
            var report = ReconstructionMetrics.Evaluate(Model, images, 1000);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"epoch {result.Epoch}: {report.Mse * MnistImagePixels:F3} per test image"));
        }
    }
}
