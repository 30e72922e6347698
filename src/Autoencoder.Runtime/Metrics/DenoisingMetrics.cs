using System;
using System.Linq;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Metrics;

/// <summary>
/// How well a denoising autoencoder restores corrupted images: the corrupted and the restored images are each compared
/// with the clean ones, as <see cref="ReconstructionMetrics"/> compares reconstructions (MSE over all elements, PSNR per image
/// with peak 1, averaged over images). The noise comes from a generator with a fixed seed, so the figures repeat exactly.
/// </summary>
public static class DenoisingMetrics
{
    /// <summary>
    /// Corrupts <paramref name="clean"/> batch by batch with the model's own training noise (<see cref="IDenoisingAutoencoder.Corrupt"/>),
    /// drawing from one generator seeded with <paramref name="seed"/>, restores each corrupted batch with
    /// <see cref="IDenoisingAutoencoder.Denoise"/> (eval mode, no gradients, the model's mode restored afterwards), and measures
    /// both against the clean images.
    /// </summary>
    /// <param name="model">The denoising model.</param>
    /// <param name="clean">Clean images [N, ...] in [0, 1].</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <param name="seed">Seed of the noise; the same seed corrupts the same images the same way.</param>
    public static DenoisingReport Evaluate(IDenoisingAutoencoder model, Tensor clean, int batchSize, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model, clean, (images, generator) => model.Corrupt(images, generator), batchSize, seed);
    }

    /// <summary>
    /// Corrupts <paramref name="clean"/> batch by batch with <paramref name="corrupt"/>, drawing from one generator seeded with
    /// <paramref name="seed"/>, restores each corrupted batch with the model (<see cref="IDenoisingAutoencoder.Denoise"/> when it
    /// is a denoising model, else <see cref="IAutoencoder.Reconstruct"/>; eval mode, no gradients, the model's mode restored
    /// afterwards), and measures both against the clean images: how a model copes with noise it was not trained on, or how a
    /// plain autoencoder compares with a denoising one.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="clean">Clean images [N, ...] in [0, 1].</param>
    /// <param name="corrupt">Images and a generator to corrupted images, e.g. one of <c>ImageCorruption</c>'s noises.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <param name="seed">Seed of the noise; the same seed corrupts the same images the same way.</param>
    public static DenoisingReport Evaluate(IAutoencoder model, Tensor clean, Func<Tensor, Generator, Tensor> corrupt, int batchSize, ulong seed = 0)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(corrupt);
        TensorArguments.RequireSamples(clean, nameof(clean));
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));
        long n = clean.shape[0];
        if (n > int.MaxValue)
            throw new ArgumentException($"At most {int.MaxValue} images can be evaluated, got {n}.", nameof(clean));

        Func<Tensor, Tensor> restore = model is IDenoisingAutoencoder denoiser ? denoiser.Denoise : model.Reconstruct;
        var module = model.Module;
        var device = ModelDevice.Of(module);
        using var generator = new Generator(seed, device);
        double noisyMse = 0, noisyPsnr = 0, restoredMse = 0, restoredPsnr = 0;
        using (EvaluationModeScope.Enter(module))
        {
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = clean.narrow(0, start, Math.Min(batchSize, n - start));
                if (batch.device != device)
                    batch = batch.to(device);
                var noisy = corrupt(batch, generator);
                var restored = restore(noisy);
                if (!restored.shape.SequenceEqual(batch.shape))
                    throw new ArgumentException(
                        $"The restored images have shape {TensorArguments.Format(restored.shape)} but the clean batch has shape {TensorArguments.Format(batch.shape)}.");
                var (mse, psnr) = Sums(noisy, batch);
                noisyMse += mse;
                noisyPsnr += psnr;
                (mse, psnr) = Sums(restored, batch);
                restoredMse += mse;
                restoredPsnr += psnr;
            }
        }

        return new DenoisingReport(noisyMse / n, noisyPsnr / n, restoredMse / n, restoredPsnr / n, (int)n);
    }

    /// <summary>Sums over the batch of each image's MSE and PSNR (peak 1, MSE floored as in <see cref="ReconstructionMetrics"/>).</summary>
    private static (double Mse, double Psnr) Sums(Tensor images, Tensor clean)
    {
        var diff = images.detach().to_type(ScalarType.Float64) - clean.to_type(ScalarType.Float64);
        var perImage = diff.pow(Of(2L)).reshape(clean.shape[0], -1).mean([1L]);
        var psnr = perImage.clamp_min(Of(ReconstructionMetrics.MseFloor)).reciprocal().mul(One).log10().mul(Of(10.0));
        return (perImage.sum().item<double>(), psnr.sum().item<double>());
    }
}
