using SkiaSharp;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// The one place that writes PNG: Skia's encoder (libpng over zlib) at its strongest lossless setting, every row filter
/// tried and zlib level 9. <see cref="PngEncoder"/> and the PNG baseline codec both encode through it.
/// </summary>
/// <remarks>
/// A Gray8 pixmap becomes an 8-bit grayscale PNG (colour type 0); an opaque RGBA pixmap an 8-bit RGB PNG
/// without alpha (colour type 2). Besides IHDR, IDAT and IEND, libpng writes an sBIT chunk (significant bits).
/// </remarks>
internal static class SkiaPng
{
    /// <summary>Encodes <paramref name="pixels"/> as a complete PNG file; null if Skia refuses the pixmap.</summary>
    public static SKData? Encode(SKPixmap pixels) =>
        pixels.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.AllFilters, zLibLevel: 9));
}
