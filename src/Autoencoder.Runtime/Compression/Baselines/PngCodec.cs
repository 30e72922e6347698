using Autoencoder.Runtime.Imaging;
using SkiaSharp;

namespace Autoencoder.Runtime.Compression.Baselines;

/// <summary>
/// Lossless PNG (Skia's encoder over zlib) at the strongest compression: every row filter tried, zlib level 9.
/// A grayscale image is written as an 8-bit grayscale PNG, colour as RGB without alpha. The same encoder, with the
/// same settings, writes every PNG of the runtime (<see cref="PngEncoder"/>).
/// </summary>
public sealed class PngCodec : SkiaImageCodec
{
    /// <summary>Creates the codec for images of <paramref name="channels"/> channels.</summary>
    public PngCodec(int channels) : base("PNG", channels, quality: null)
    {
    }

    /// <inheritdoc />
    protected override SKData? EncodePixels(SKPixmap pixels) => SkiaPng.Encode(pixels);
}
