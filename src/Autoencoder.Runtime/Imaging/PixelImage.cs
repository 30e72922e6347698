using System;

namespace Autoencoder.Runtime.Imaging;

/// <summary>An 8-bit grayscale or RGB image in memory, rows top to bottom, RGB interleaved.</summary>
public sealed class PixelImage
{
    /// <summary>Wraps <paramref name="pixels"/> (not copied) as a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    public PixelImage(byte[] pixels, int width, int height, PngColorType colorType)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var channels = colorType switch
        {
            PngColorType.Grayscale => 1,
            PngColorType.Rgb => 3,
            _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "Only Grayscale and Rgb are supported."),
        };
        if (pixels.Length != (long)width * height * channels)
        {
            throw new ArgumentException($"Expected {width}×{height}×{channels} bytes of pixels, got {pixels.Length}.", nameof(pixels));
        }

        Pixels = pixels;
        Width = width;
        Height = height;
        ColorType = colorType;
        Channels = channels;
    }

    /// <summary>Width × height × channels bytes.</summary>
    public ReadOnlyMemory<byte> Pixels { get; }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Grayscale or RGB.</summary>
    public PngColorType ColorType { get; }

    /// <summary>Bytes per pixel: 1 or 3.</summary>
    public int Channels { get; }

    /// <summary>The image as a complete PNG file.</summary>
    public byte[] EncodePng() => PngEncoder.Encode(Pixels.Span, Width, Height, ColorType);
}
