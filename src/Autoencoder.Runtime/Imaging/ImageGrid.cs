using System;
using Autoencoder.Runtime.IO;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;

namespace Autoencoder.Runtime.Imaging;

/// <summary>Writes PNG grids of images held in tensors, e.g. test inputs next to their reconstructions.</summary>
public static class ImageGrid
{
    /// <summary>Pixels between neighbouring images and between the two rows.</summary>
    public const int GapPixels = 2;

    /// <summary>Grey level (0-255) of the gaps: visible against both black and white backgrounds.</summary>
    public const byte GapLevel = 128;

    /// <summary>
    /// Saves the first images of <paramref name="originals"/> in one row and the matching
    /// <paramref name="reconstructions"/> in the row below, as one PNG. Values are clamped to [0, 1]
    /// (NaN becomes 0). The directory is created if needed, and the file is replaced atomically.
    /// </summary>
    /// <param name="originals">[N, C, H, W] with C = 1 (grayscale) or 3 (RGB); any dtype and device.</param>
    /// <param name="reconstructions">The same shape as <paramref name="originals"/>.</param>
    /// <param name="path">The PNG file to write.</param>
    /// <param name="maxImages">Show at most this many image pairs (the first ones).</param>
    public static void SaveComparison(torch.Tensor originals, torch.Tensor reconstructions, string path, int? maxImages = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Compose(originals, reconstructions, maxImages).EncodePng());
    }

    /// <summary>
    /// The grid that <see cref="SaveComparison"/> writes, in memory: originals in the top row, their
    /// reconstructions below, <see cref="GapPixels"/> of grey between images.
    /// </summary>
    /// <param name="originals">[N, C, H, W] with C = 1 (grayscale) or 3 (RGB); any dtype and device.</param>
    /// <param name="reconstructions">The same shape as <paramref name="originals"/>.</param>
    /// <param name="maxImages">Show at most this many image pairs (the first ones).</param>
    public static PixelImage Compose(torch.Tensor originals, torch.Tensor reconstructions, int? maxImages = null)
    {
        ArgumentNullException.ThrowIfNull(originals);
        ArgumentNullException.ThrowIfNull(reconstructions);
        CheckShapes(originals, reconstructions);
        if (maxImages is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, nameof(maxImages));
        }

        var count = (int)Math.Min(originals.shape[0], maxImages ?? long.MaxValue);
        var channels = (int)originals.shape[1];
        var height = (int)originals.shape[2];
        var width = (int)originals.shape[3];

        var layout = new GridLayout(count, channels, height, width);
        var pixels = new byte[layout.ByteCount];
        pixels.AsSpan().Fill(GapLevel);
        layout.Place(ToBytes(originals, count), pixels, row: 0);
        layout.Place(ToBytes(reconstructions, count), pixels, row: 1);

        var colorType = channels == 1 ? PngColorType.Grayscale : PngColorType.Rgb;
        return new PixelImage(pixels, layout.Width, layout.Height, colorType);
    }

    private static void CheckShapes(torch.Tensor originals, torch.Tensor reconstructions)
    {
        var shape = originals.shape;
        if (shape.Length != 4 || (shape[1] != 1 && shape[1] != 3) || shape[0] == 0 || shape[2] == 0 || shape[3] == 0)
        {
            throw new ArgumentException(
                $"Expected originals of shape [N, 1 or 3, H, W] with N, H, W > 0, got [{string.Join(", ", shape)}].", nameof(originals));
        }

        if (!reconstructions.shape.AsSpan().SequenceEqual(shape))
        {
            throw new ArgumentException(
                $"Reconstructions [{string.Join(", ", reconstructions.shape)}] must have the shape of the originals [{string.Join(", ", shape)}].",
                nameof(reconstructions));
        }
    }

    // Quantise in libtorch, then copy out one contiguous [count, C, H, W] byte buffer.
    private static byte[] ToBytes(torch.Tensor images, int count)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var quantised = images[..count]
            .detach()
            .cpu()
            .to_type(torch.ScalarType.Float32)
            .nan_to_num(0)
            .clamp(Zero, One)
            .mul(Of(255.0))
            .round()
            .to_type(torch.ScalarType.Byte)
            .contiguous();
        return quantised.data<byte>().ToArray();
    }
}
