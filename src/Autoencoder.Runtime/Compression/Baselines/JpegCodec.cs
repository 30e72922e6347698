using SkiaSharp;

namespace Autoencoder.Runtime.Compression.Baselines;

/// <summary>
/// Baseline JPEG (libjpeg-turbo inside Skia) at a quality. A grayscale image is written as a one-component (grayscale)
/// JPEG; colour uses 4:2:0 chroma subsampling, libjpeg's default.
/// </summary>
public sealed class JpegCodec : SkiaImageCodec
{
    /// <summary>Creates the codec for images of <paramref name="channels"/> channels at <paramref name="quality"/> (0–100).</summary>
    public JpegCodec(int quality, int channels) : base("JPEG", channels, quality)
    {
    }

    /// <inheritdoc />
    protected override SKData? EncodePixels(SKPixmap pixels) =>
        pixels.Encode(new SKJpegEncoderOptions(Quality!.Value, SKJpegEncoderDownsample.Downsample420, SKJpegEncoderAlphaOption.Ignore));
}
