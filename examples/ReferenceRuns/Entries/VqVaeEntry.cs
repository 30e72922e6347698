using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace ReferenceRuns.Entries;

/// <summary>
/// The VQ-VAE on MNIST: test reconstruction error, and how the test set uses the codebook. There is no published MNIST
/// figure to match; the settings follow van den Oord et al. (2017): β = 0.25, EMA decay 0.99, MSE reconstruction, Adam.
/// </summary>
internal sealed class VqVaeEntry : IReferenceEntry
{
    private const int DocumentedEpochs = 8;
    private const int EvaluationBatch = 500;

    public string Name => "vqvae";

    public string Settings => SettingsFor(DocumentedEpochs);

    private static string SettingsFor(int epochs) => "conv VQ-VAE 28→14→7, K = 512, D = 32, EMA (decay 0.99), β = 0.25, dead-code threshold 1; "
                              + epochs + " epochs, batch 128, Adam 1e-3, seed 42; van den Oord et al. 2017 defaults";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var clock = Stopwatch.StartNew();
        var epochs = context.Epochs(DocumentedEpochs);
        var trainer = VqVae.Trainer.Create(new VqVae.TrainingOptions
        {
            Epochs = epochs,
            Checkpoints = new CheckpointOptions { Directory = Path.Combine(context.OutputDirectory, "checkpoints") },
            Threads = context.Threads,
            Observer = new ConsoleProgress(context.Log, interactive: false),
        });
        var report = trainer.Fit(context.Mnist.Train.Images, context.Mnist.Test.Images);
        context.Log.WriteLine($"vqvae: {report.Epochs.Count} epochs, final train loss {report.FinalTrainLoss:F5}");

        var model = trainer.Model;
        var test = context.Mnist.Test.Images;
        var metrics = trainer.Evaluate(test);
        var (perplexity, usage) = CodebookUse(model, test);
        using (var firstImages = test[..16])
        using (no_grad())
        {
            model.eval();
            using var reconstructions = model.Reconstruct(firstImages);
            ImageGrid.SaveComparison(firstImages, reconstructions, Path.Combine(context.OutputDirectory, "reconstructions.png"));
        }

        var bits = VqVae.IndexShape[0] * VqVae.IndexShape[1] * Math.Log2(VqVae.CodebookSize);
        var settings = SettingsFor(epochs);
        var time = clock.Elapsed;
        const string Model = "VQ-VAE conv 28→7×7, K = 512, D = 32, EMA";
        context.Log.WriteLine($"vqvae: test MSE {metrics.Mse:F5}, PSNR {metrics.Psnr:F2} dB, perplexity {perplexity:F1}, usage {usage:P1}, {bits} bits per image");
        return new[]
        {
            new ReferenceResult(Name, Model, "test MSE per pixel", metrics.Mse, null, null, time, settings),
            new ReferenceResult(Name, Model, "test PSNR (dB)", metrics.Psnr, null, null, time, settings),
            new ReferenceResult(Name, Model, "test codebook perplexity (of 512)", perplexity, null, null, time, settings),
            new ReferenceResult(Name, Model, "test codebook usage (fraction of codes used)", usage, null, null, time, settings),
            new ReferenceResult(Name, Model, "bits per image of the index map (7·7·log2 512)", bits, null, null, time, settings),
        };
    }

    /// <summary>Perplexity of the code distribution over the whole set, and the fraction of codes used anywhere in it.</summary>
    private static (double Perplexity, double Usage) CodebookUse(VqVae model, Tensor images)
    {
        model.eval();
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var counts = zeros(VqVae.CodebookSize, dtype: ScalarType.Float64);
        for (long start = 0; start < images.shape[0]; start += EvaluationBatch)
        {
            var batch = images.narrow(0, start, Math.Min(EvaluationBatch, images.shape[0] - start));
            counts = counts.add(bincount(model.EncodeIndices(batch).flatten(), minlength: VqVae.CodebookSize).to(ScalarType.Float64), One);
        }

        var p = counts / counts.sum();
        var perplexity = exp(-(p * log(p.add(Of(1e-12), One))).sum()).item<double>();
        var usage = counts.gt(Zero).to(ScalarType.Float64).mean().item<double>();
        return (perplexity, usage);
    }
}
