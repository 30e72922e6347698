using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Metrics;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>One codec setting on one image: its real stream or file size, and the distortion of the decoded image.</summary>
/// <param name="Codec">The codec setting (<see cref="IImageCodec.Name"/>).</param>
/// <param name="Image">The image's name (its file).</param>
/// <param name="Width">The image's width in pixels.</param>
/// <param name="Height">The image's height in pixels.</param>
/// <param name="Bytes">The size of the complete stream or file.</param>
/// <param name="Psnr">PSNR in dB (peak 1) of the decoded image rounded to 8 bits, as a PNG of it holds.</param>
/// <param name="Ssim">SSIM, or NaN for an image smaller than the SSIM window or when not measured.</param>
public sealed record ImageRateDistortion(string Codec, string Image, int Width, int Height, long Bytes, double Psnr, double Ssim)
{
    /// <summary>Bits per pixel of this image's own size: 8 × bytes / (H × W).</summary>
    public double BitsPerPixel => 8.0 * Bytes / ((double)Width * Height);
}

/// <summary>A rate–distortion evaluation of images of mixed sizes: the summary points and every image's own figures.</summary>
public sealed record PerImageReport(RateDistortionReport Report, IReadOnlyList<ImageRateDistortion> Images)
{
    /// <summary>CSV, one row per codec setting and image; numbers in invariant culture, an unmeasured SSIM left empty.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine("codec,image,width,height,bytes,bits_per_pixel,psnr_db,ssim");
        foreach (var r in Images)
        {
            text.AppendLine(string.Join(",", Quote(r.Codec), Quote(r.Image), Number(r.Width), Number(r.Height), Number(r.Bytes),
                Number(r.BitsPerPixel), Number(r.Psnr), double.IsNaN(r.Ssim) ? "" : Number(r.Ssim)));
        }

        return text.ToString();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string text) => text.Contains(',') || text.Contains('"') ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
}

/// <summary>
/// Measures codecs on photographs of mixed sizes, as learned-compression papers do on Kodak: each image is encoded to its
/// complete stream or file at its own size and decoded; its bits per pixel are its bytes over its own H·W, and a setting's
/// rate and distortion are means over images of each image's figures. Images are loaded one at a time, so memory holds one
/// image and its decodings, whatever the number of images.
/// </summary>
public static class PerImageRateDistortion
{
    /// <param name="entries">The codec settings, each with its family; reported in this order.</param>
    /// <param name="names">The images' names (file names), one per image.</param>
    /// <param name="load">Loads image <c>i</c> as [C, H, W] in [0, 1]; called once per image, the tensor disposed after use.</param>
    /// <param name="channels">The images' channels (every image must have them).</param>
    /// <param name="progress">
    /// Told after each image, once every setting has encoded it: here a step is an image, so <see cref="RateDistortionProgress.Codec"/>
    /// holds the image's name and <see cref="RateDistortionProgress.CodecIndex"/> its index. May be null.
    /// </param>
    /// <exception cref="InvalidOperationException">A codec decoded an image to another shape.</exception>
    public static PerImageReport Evaluate(
        IReadOnlyList<RateDistortionEntry> entries, IReadOnlyList<string> names, Func<int, Tensor> load, int channels,
        IProgress<RateDistortionProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(load);
        if (entries.Count == 0)
            throw new ArgumentException("There is no codec to evaluate.", nameof(entries));
        if (names.Count == 0)
            throw new ArgumentException("There is no image to evaluate on.", nameof(names));

        var rows = new List<ImageRateDistortion>(entries.Count * names.Count);
        var sizes = new HashSet<(int, int)>();
        for (var i = 0; i < names.Count; i++)
        {
            using var scope = NewDisposeScope();
            var original = load(i).cpu();
            if (original.dim() != 3 || original.shape[0] != channels)
                throw new ArgumentException($"{names[i]}: expected an image [{channels}, H, W], got [{string.Join(", ", original.shape)}].", nameof(load));
            int height = (int)original.shape[1], width = (int)original.shape[2];
            sizes.Add((height, width));
            var batch = original.unsqueeze(0);
            foreach (var (_, codec) in entries)
            {
                using var imageScope = NewDisposeScope();
                var stream = codec.Encode(original);
                var decoded = codec.Decode(stream);
                if (!decoded.shape.SequenceEqual(original.shape))
                {
                    throw new InvalidOperationException(
                        $"{codec.Name} decoded {names[i]} to [{string.Join(", ", decoded.shape)}], not [{string.Join(", ", original.shape)}].");
                }

                var output = EightBit(decoded.to_type(original.dtype)).unsqueeze(0);
                var psnr = ReconstructionMetrics.PsnrPerImage(batch, output)[0];
                var ssim = Ssim.Fits(height, width) ? Ssim.PerImage(batch, output)[0] : double.NaN;
                rows.Add(new ImageRateDistortion(codec.Name, names[i], width, height, stream.LongLength, psnr, ssim));
            }

            progress?.Report(new RateDistortionProgress(names[i], i, names.Count, 1, 1));
        }

        var points = entries.Select(entry =>
        {
            var own = rows.Where(r => r.Codec == entry.Codec.Name).ToArray();
            var ssim = own.Any(r => double.IsNaN(r.Ssim)) ? double.NaN : own.Average(r => r.Ssim);
            return new RateDistortionPoint(entry.Family, entry.Codec.Name, own.Length, own.Average(r => (double)r.Bytes),
                own.Average(r => r.BitsPerPixel), own.Average(r => r.Psnr), ssim);
        }).ToList();
        var (h, w) = sizes.Count == 1 ? sizes.First() : (0, 0);
        return new PerImageReport(new RateDistortionReport(points, channels, h, w), rows);
    }

    // The decoded image as the 8-bit PNG a user gets holds it: PSNR on anything finer would flatter the codec.
    private static Tensor EightBit(Tensor image) => image.clamp(Zero, One).mul(Of(255.0)).round().div(Of(255.0));
}
