using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks.Stress;

/// <summary>The data and settings every family trains with, and the families themselves.</summary>
internal sealed class StressFamilies(Tensor train, Tensor validation, Tensor batch, int epochs, Func<string, CheckpointOptions> checkpoints, StepCounter counter)
{
    public static readonly string[] Names = ["plain", "denoising", "sparse", "contractive", "vae", "vqvae", "compression"];

    public StressCase Create(string family) => family switch
    {
        "plain" => Plain(),
        "denoising" => Denoising(),
        "sparse" => Sparse(),
        "contractive" => Contractive(),
        "vae" => Vae(),
        "vqvae" => VqVae(),
        "compression" => Compression(),
        _ => throw new ArgumentException($"Unknown family '{family}'; the families are {string.Join(", ", Names)}."),
    };

    private StressCase Plain()
    {
        var trainer = StressPlain.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("plain"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("plain", "Adam", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("AnomalyScores.Rank", () => AnomalyScores.Rank(model, batch, batchSize: 8)),
            new("CodeExport.Encode", () => CodeExport.Encode(model, batch, batchSize: 8).Dispose()),
        ]);
    }

    private StressCase Denoising()
    {
        var trainer = StressDenoising.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("denoising"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("denoising", "SGD, Nesterov", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("Corrupt + Denoise", () => Inference(model, () => model.Denoise(StressDenoising.Corrupt(batch)))),
            new("DenoisingMetrics.Evaluate", () => DenoisingMetrics.Evaluate(model, batch, 8, seed: 3)),
        ]);
    }

    private StressCase Sparse()
    {
        var trainer = StressSparse.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("sparse"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("sparse", "AdamW, clipping", () => trainer.Fit(train, validation),
            Common(trainer));
    }

    private StressCase Contractive()
    {
        var trainer = StressContractive.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("contractive"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("contractive", "Adam, L2", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("JacobianNormSquared", () => Inference(model, () => model.JacobianNormSquared(batch))),
        ]);
    }

    private StressCase Vae()
    {
        var trainer = StressVae.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("vae"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("vae", "Adam, one-cycle", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("Sample", () => Inference(model, () => model.Sample(8))),
            new("Interpolate", () => Inference(model, () => model.Interpolate(batch[..2], batch[2..4], steps: 4))),
            new("EvaluateNll (k = 8)", () => trainer.EvaluateNll(batch[..4], samples: 8)),
        ]);
    }

    private StressCase VqVae()
    {
        var trainer = StressVqVae.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("vqvae"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("vqvae", "Adam, plateau", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("EncodeIndices + DecodeIndices", () => Inference(model, () => model.DecodeIndices(model.EncodeIndices(batch)))),
        ]);
    }

    private StressCase Compression()
    {
        var trainer = StressCodec.Trainer.Create(new() { Epochs = epochs, Checkpoints = checkpoints("compression"), Observer = counter });
        var model = trainer.Model;
        return new StressCase("compression", "Adam, cosine", () => trainer.Fit(train, validation),
        [
            .. Common(trainer),
            new("Compress + Decompress", () => model.Decompress(model.Compress(batch[..4])).Dispose()),
            new("EvaluateCompression", () => trainer.EvaluateCompression(batch[..4])),
        ]);
    }

    /// <summary>What every model offers (through the runtime's interfaces): its reconstruction, the metrics report, the loss, and SSIM on its output.</summary>
    private StressPath[] Common(ITrainer<IAutoencoder> trainer) =>
    [
        new("Reconstruct", () => Inference(trainer.Model.Module, () => trainer.Model.Reconstruct(batch))),
        new("Evaluate (MSE, BCE, PSNR)", () => trainer.Evaluate(batch)),
        new("EvaluateLoss", () => trainer.EvaluateLoss(batch)),
        new("SSIM of the reconstruction", () =>
        {
            using var scope = NewDisposeScope();
            using var _ = no_grad();
            using var zero = 0.0.ToScalar();
            using var one = 1.0.ToScalar();
            Ssim.PerImage(batch, trainer.Model.Reconstruct(batch).clamp(zero, one));
        }),
    ];

    /// <summary>A call as a program makes it: evaluation mode, no gradients, every tensor freed after.</summary>
    private static void Inference(nn.Module model, Func<Tensor> call)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        bool wasTraining = model.training;
        model.eval();
        try
        {
            call();
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    public static IEnumerable<string> Parse(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(name =>
            Names.Contains(name) ? name : throw new ArgumentException($"Unknown family '{name}'; the families are {string.Join(", ", Names)}."));
}
