using System;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Encodes 8-bit grayscale or RGB pixels as a PNG file, through the same Skia encoder and settings as the PNG baseline
/// codec (every row filter tried, zlib level 9): grayscale as colour type 0, RGB as colour type 2 (no alpha).
/// </summary>
public static class PngEncoder
{
    /// <summary>Encodes row-major pixels (RGB interleaved) of a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    /// <param name="pixels">Exactly width × height × channels bytes, top row first.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="colorType">Grayscale (1 byte per pixel) or RGB (3 bytes per pixel).</param>
    /// <returns>The complete PNG file.</returns>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var channels = ChannelCount(colorType);
        var expected = (long)width * height * channels;
        if (pixels.Length != expected)
        {
            throw new ArgumentException(
                $"Expected {width}×{height}×{channels} = {expected} bytes of pixels, got {pixels.Length}.", nameof(pixels));
        }

        using var bitmap = SkiaRaster.FromPixels(pixels, width, height, channels);
        using var pixmap = bitmap.PeekPixels();
        using var png = SkiaPng.Encode(pixmap)
            ?? throw new InvalidOperationException($"Skia's PNG encoder rejected a {width}×{height} {colorType} image.");
        return png.ToArray();
    }

    private static int ChannelCount(PngColorType colorType) => colorType switch
    {
        PngColorType.Grayscale => 1,
        PngColorType.Rgb => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "Only Grayscale and Rgb are supported."),
    };
}
