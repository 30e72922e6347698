using System;
using Autoencoder.Runtime.Imaging;
using SkiaSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression.Baselines;

/// <summary>
/// A classic image format written and read by SkiaSharp, for images of one channel count. The bytes are the complete
/// file, headers included, so the rate an evaluation measures is what a user would store. Pixels are quantised to
/// 8 bits before encoding, as any image file stores them.
/// </summary>
public abstract class SkiaImageCodec : IImageCodec
{
    /// <summary>Creates a codec for images of <paramref name="channels"/> channels.</summary>
    /// <param name="family">The format, as curves and tables group settings: <c>JPEG</c>, <c>WebP</c>, <c>PNG</c>.</param>
    /// <param name="channels">1 (grayscale) or 3 (RGB): what <see cref="Encode"/> takes and <see cref="Decode"/> returns.</param>
    /// <param name="quality">The encoder's quality, 0–100, or null for a lossless format.</param>
    protected SkiaImageCodec(string family, int channels, int? quality)
    {
        ArgumentException.ThrowIfNullOrEmpty(family);
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 (grayscale) or 3 (RGB) channels.");
        if (quality is < 0 or > 100)
            throw new ArgumentOutOfRangeException(nameof(quality), quality, "Quality runs from 0 to 100.");
        Family = family;
        Channels = channels;
        Quality = quality;
    }

    /// <summary>The format: <c>JPEG</c>, <c>WebP</c> or <c>PNG</c>.</summary>
    public string Family { get; }

    /// <summary>Channels of the images this codec encodes and decodes.</summary>
    public int Channels { get; }

    /// <summary>The encoder's quality (0–100), or null for a lossless format.</summary>
    public int? Quality { get; }

    /// <inheritdoc />
    public string Name => Quality is { } q ? $"{Family} q={q}" : Family;

    /// <inheritdoc />
    public byte[] Encode(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.shape[0] != Channels)
        {
            throw new ArgumentException(
                $"{Name} encodes [{Channels}, H, W] images, got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        using var bitmap = SkiaRaster.FromTensor(image, nameof(image));
        using var pixmap = bitmap.PeekPixels();
        using var data = EncodePixels(pixmap)
            ?? throw new InvalidOperationException($"Skia's {Family} encoder rejected a {pixmap.Width}×{pixmap.Height} {pixmap.ColorType} image.");
        return data.ToArray();
    }

    /// <inheritdoc />
    /// <exception cref="CorruptStreamException">The bytes are not a readable image.</exception>
    public Tensor Decode(byte[] data)
    {
        ArgumentNullException.ThrowIfNull(data);
        using var bitmap = SkiaRaster.TryDecode(data, out var reason)
            ?? throw new CorruptStreamException($"{Name}: cannot decode {data.Length} bytes: {reason}.");
        return SkiaRaster.ToTensor(bitmap, Channels);
    }

    /// <inheritdoc />
    public override string ToString() => Name;

    /// <summary>Encodes 8-bit pixels — Gray8 for one channel, opaque RGBA for three — as a complete file; null if Skia refuses.</summary>
    protected abstract SKData? EncodePixels(SKPixmap pixels);
}
