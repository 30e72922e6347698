using System;
using System.Linq;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Restoration;

/// <summary>
/// Restoring damaged images with a trained model (a denoising autoencoder's <c>Denoise</c>, or its <c>Reconstruct</c>
/// for a filled-in hole), measuring the result against the clean originals, and drawing before/after grids.
/// </summary>
public static class ImageRestoration
{
    /// <summary>
    /// Restores <paramref name="damaged"/> [N, C, H, W] with the model's <see cref="IDenoisingAutoencoder.Denoise"/> in batches,
    /// in evaluation mode without gradients (the model's mode is restored after); returns [N, C, H, W] float32 on the CPU,
    /// clamped to [0, 1].
    /// </summary>
    public static Tensor Restore(IDenoisingAutoencoder model, Tensor damaged, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Restore(model.Module, model.Denoise, damaged, batchSize);
    }

    /// <summary>
    /// Runs <paramref name="restore"/> over <paramref name="damaged"/> [N, C, H, W] in batches, in evaluation mode
    /// without gradients (the model's mode is restored after); returns [N, C, H, W] float32 on the CPU, clamped to [0, 1].
    /// Any function of the module's: <see cref="AnomalyScores"/> passes <see cref="IAutoencoder.Reconstruct"/>.
    /// </summary>
    public static Tensor Restore(nn.Module model, Func<Tensor, Tensor> restore, Tensor damaged, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(restore);
        TensorArguments.RequireSamples(damaged, nameof(damaged));
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));
        long n = damaged.shape[0];
        var device = ModelDevice.Of(model);
        var parts = new Tensor[(n + batchSize - 1) / batchSize];
        try
        {
            using (EvaluationModeScope.Enter(model))
            using (no_grad())
            {
                for (long start = 0, i = 0; start < n; start += batchSize, i++)
                {
                    using var scope = NewDisposeScope();
                    var batch = damaged.narrow(0, start, Math.Min(batchSize, n - start)).to(device);
                    var restored = restore(batch);
                    if (!restored.shape.SequenceEqual(batch.shape))
                        throw new InvalidOperationException(
                            $"The model restored {TensorArguments.Format(batch.shape)} to {TensorArguments.Format(restored.shape)}; it must keep the shape.");
                    parts[i] = restored.to(CPU).to_type(ScalarType.Float32).clamp(Zero, One).MoveToOuterDisposeScope();
                }
            }
            return cat(parts, 0);
        }
        finally
        {
            foreach (var part in parts)
                part?.Dispose();
        }
    }

    /// <summary>PSNR and SSIM of <paramref name="damaged"/> and of <paramref name="restored"/> against <paramref name="clean"/> (all [N, C, H, W]).</summary>
    public static RestorationReport Measure(Tensor clean, Tensor damaged, Tensor restored)
    {
        ArgumentNullException.ThrowIfNull(clean);
        ArgumentNullException.ThrowIfNull(damaged);
        ArgumentNullException.ThrowIfNull(restored);
        return new RestorationReport(
            (int)clean.shape[0],
            ReconstructionMetrics.PsnrPerImage(damaged, clean).Average(),
            ReconstructionMetrics.PsnrPerImage(restored, clean).Average(),
            SsimOrNaN(damaged, clean),
            SsimOrNaN(restored, clean));
    }

    // SSIM's 11×11 window must fit: smaller images report NaN rather than failing the whole restoration.
    private static double SsimOrNaN(Tensor a, Tensor b) =>
        a.dim() == 4 && Ssim.Fits(a.shape[2], a.shape[3]) ? Ssim.Mean(a, b) : double.NaN;

    /// <summary>
    /// Saves a before/after grid as one PNG (atomically): a column per image (the first <paramref name="maxImages"/>),
    /// with the clean originals in the top row when given, then the damaged inputs, then the restored images.
    /// </summary>
    public static void SaveGrid(string path, Tensor damaged, Tensor restored, Tensor? clean = null, int maxImages = 16)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(damaged);
        ArgumentNullException.ThrowIfNull(restored);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxImages);
        using var scope = NewDisposeScope();
        long count = Math.Min(damaged.shape[0], maxImages);
        var rows = clean is null
            ? new[] { damaged[..(int)count], restored[..(int)count] }
            : new[] { clean[..(int)count], damaged[..(int)count], restored[..(int)count] };
        ImageRows.Save(stack(rows.Select(r => r.to(CPU).to_type(ScalarType.Float32)).ToArray(), 0), path);
    }
}
