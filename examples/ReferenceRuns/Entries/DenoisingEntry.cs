using System;
using System.Collections.Generic;
using System.Diagnostics;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// Denoising autoencoders on MNIST: one trained on Gaussian noise (σ = 0.3), one on 25% masking noise. Each restores the test
/// images corrupted by its own noise (a fixed seed, so the noise is the same every run); the figure is the PSNR gain in dB of
/// the restored over the corrupted images. No published figure uses this exact measure, so none is compared.
/// </summary>
internal sealed class DenoisingEntry : IReferenceEntry
{
    private const int Epochs = 10;
    private const ulong NoiseSeed = 2008;

    public string Name => "denoising";

    public string Settings => $"784-256-64 ReLU, BCE, Adam 1e-3, {Epochs} epochs, batch 128, seed 1; test noise seed {NoiseSeed}";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var epochs = context.Epochs(Epochs);
        var settings = $"{epochs} epochs, batch 128, seed 1, Adam 1e-3; test noise seed {NoiseSeed}";
        return new[]
        {
            Measure(context, "DAE 784-256-64, Gaussian σ = 0.3", "Gaussian σ = 0.3", settings, () =>
            {
                var trainer = GaussianDenoisingMnist.Trainer.Create(new GaussianDenoisingMnist.TrainingOptions { Epochs = epochs, Threads = context.Threads, Observer = new ConsoleProgress(context.Log, interactive: false) });
                trainer.Fit(context.Mnist.Train.Images);
                var model = trainer.Model;
                return DenoisingMetrics.Evaluate(model, context.Mnist.Test.Images, 500, NoiseSeed);
            }),
            Measure(context, "DAE 784-256-64, masking 25%", "25% masking", settings, () =>
            {
                var trainer = MaskingDenoisingMnist.Trainer.Create(new MaskingDenoisingMnist.TrainingOptions { Epochs = epochs, Threads = context.Threads, Observer = new ConsoleProgress(context.Log, interactive: false) });
                trainer.Fit(context.Mnist.Train.Images);
                var model = trainer.Model;
                return DenoisingMetrics.Evaluate(model, context.Mnist.Test.Images, 500, NoiseSeed);
            }),
        };
    }

    private ReferenceResult Measure(ReferenceContext context, string model, string noise, string settings, Func<DenoisingReport> trainAndEvaluate)
    {
        var clock = Stopwatch.StartNew();
        var report = trainAndEvaluate();
        clock.Stop();
        context.Log.WriteLine($"{model}: noisy {report.NoisyPsnr:F2} dB (MSE {report.NoisyMse:F4}) -> denoised {report.RestoredPsnr:F2} dB (MSE {report.RestoredMse:F4})");
        return new ReferenceResult(
            Name,
            model,
            $"PSNR gain (dB) on the 10,000 test images with {noise}: noisy {report.NoisyPsnr:F2} -> denoised {report.RestoredPsnr:F2}",
            report.PsnrGain,
            Published: null,
            Source: null,
            clock.Elapsed,
            settings);
    }
}
