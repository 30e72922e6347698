using SkiaSharp;

namespace Autoencoder.Runtime.Compression.Baselines;

/// <summary>
/// Lossy WebP (libwebp's VP8 inside Skia) at a quality. WebP has no grayscale mode: a grayscale image is stored as
/// YUV 4:2:0 with flat chroma and read back as its luma.
/// </summary>
public sealed class WebPCodec : SkiaImageCodec
{
    /// <summary>Creates the codec for images of <paramref name="channels"/> channels at <paramref name="quality"/> (0–100).</summary>
    public WebPCodec(int quality, int channels) : base("WebP", channels, quality)
    {
    }

    /// <inheritdoc />
    protected override SKData? EncodePixels(SKPixmap pixels) =>
        pixels.Encode(new SKWebpEncoderOptions(SKWebpEncoderCompression.Lossy, Quality!.Value));
}
