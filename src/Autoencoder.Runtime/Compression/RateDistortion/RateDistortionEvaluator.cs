using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Metrics;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>
/// Measures codecs on a set of images the way compression papers do: every image is encoded to its complete file or
/// stream and decoded back; the rate is the mean byte size (never an estimate), the distortion the mean per-image PSNR
/// and SSIM between each original and its decoded image.
/// </summary>
public static class RateDistortionEvaluator
{
    /// <summary>The PSNR of an exact reconstruction: 10·log10(1 / <see cref="ReconstructionMetrics.MseFloor"/>) = 100 dB.</summary>
    public static readonly double LosslessPsnr = 10 * Math.Log10(1 / ReconstructionMetrics.MseFloor);

    /// <summary>Evaluates <paramref name="codecs"/>, each in the family <see cref="RateDistortionEntry.For"/> gives it.</summary>
    public static RateDistortionReport Evaluate(
        IEnumerable<IImageCodec> codecs, Tensor images, IProgress<RateDistortionProgress>? progress = null, int batchSize = 256, bool measureSsim = true)
    {
        ArgumentNullException.ThrowIfNull(codecs);
        return Evaluate(codecs.Select(RateDistortionEntry.For).ToArray(), images, progress, batchSize, measureSsim);
    }

    /// <summary>Encodes and decodes every image of <paramref name="images"/> with every codec setting of <paramref name="entries"/>.</summary>
    /// <param name="entries">The settings, each with its family; reported in this order.</param>
    /// <param name="images">[N, C, H, W] with values in [0, 1].</param>
    /// <param name="progress">Told after each batch of each setting; may be null.</param>
    /// <param name="batchSize">Decoded images held at once before PSNR and SSIM are computed for them.</param>
    /// <param name="measureSsim">
    /// False skips SSIM (reported as NaN): on MNIST it costs several times the encoding and decoding of the baselines.
    /// </param>
    /// <exception cref="InvalidOperationException">A codec decoded an image to another shape.</exception>
    public static RateDistortionReport Evaluate(
        IReadOnlyList<RateDistortionEntry> entries, Tensor images, IProgress<RateDistortionProgress>? progress = null, int batchSize = 256,
        bool measureSsim = true)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(images);
        if (entries.Count == 0)
            throw new ArgumentException("There is no codec to evaluate.", nameof(entries));
        if (images.dim() != 4 || images.shape[0] == 0)
            throw new ArgumentException($"Expected images [N, C, H, W] with N > 0, got [{string.Join(", ", images.shape)}].", nameof(images));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);

        var count = checked((int)images.shape[0]);
        var height = (int)images.shape[2];
        var width = (int)images.shape[3];
        // SSIM's 11×11 window must fit: smaller images get no SSIM rather than a made-up one.
        var ssimFits = measureSsim && Ssim.Fits(height, width);
        using var cpuImages = images.detach().cpu();

        var points = new List<RateDistortionPoint>(entries.Count);
        for (var c = 0; c < entries.Count; c++)
        {
            var (family, codec) = entries[c];
            long bytes = 0;
            double psnrSum = 0, ssimSum = 0;
            for (var start = 0; start < count; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = cpuImages.narrow(0, start, Math.Min(batchSize, count - start));
                var decoded = new Tensor[batch.shape[0]];
                for (var i = 0; i < decoded.Length; i++)
                {
                    var original = batch[i];
                    var stream = codec.Encode(original);
                    bytes += stream.Length;
                    decoded[i] = codec.Decode(stream);
                    if (!decoded[i].shape.SequenceEqual(original.shape))
                    {
                        throw new InvalidOperationException(
                            $"{codec.Name} decoded image {start + i} to [{string.Join(", ", decoded[i].shape)}], not [{string.Join(", ", original.shape)}].");
                    }
                }

                var reconstructed = stack(decoded).to_type(batch.dtype);
                psnrSum += ReconstructionMetrics.PsnrPerImage(batch, reconstructed).Sum();
                if (ssimFits)
                    ssimSum += Ssim.PerImage(batch, reconstructed).Sum();
                progress?.Report(new RateDistortionProgress(codec.Name, c, entries.Count, start + decoded.Length, count));
            }

            var meanBytes = (double)bytes / count;
            points.Add(new RateDistortionPoint(
                family, codec.Name, count, meanBytes, 8 * meanBytes / ((double)height * width),
                psnrSum / count, ssimFits ? ssimSum / count : double.NaN));
        }

        return new RateDistortionReport(points, (int)images.shape[1], height, width);
    }
}
