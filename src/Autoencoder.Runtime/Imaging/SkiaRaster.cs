using System;
using SkiaSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// The conversions between encoded image bytes, Skia bitmaps and [C, H, W] tensors in [0, 1], shared by
/// <see cref="ImageFile"/> and the baseline codecs so that both read and convert pixels the same way.
/// </summary>
internal static class SkiaRaster
{
    // ITU-R BT.601 luma weights (the ones JPEG's YCbCr uses).
    private const float LumaRed = 0.299f;
    private const float LumaGreen = 0.587f;
    private const float LumaBlue = 0.114f;

    /// <summary>The largest image decoded, in pixels (100 megapixels: 400 MB as RGBA).</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>
    /// Decodes a PNG/JPEG/WebP/BMP (or any format Skia reads) into premultiplied RGBA: premultiplying is compositing
    /// over black, so transparent areas become black — the background of MNIST-like digits.
    /// </summary>
    /// <returns>The bitmap, or null with a one-line <paramref name="reason"/>.</returns>
    public static SKBitmap? TryDecode(byte[] data, out string reason) => TryDecode(data, out reason, out _);

    /// <summary>Decodes like <see cref="TryDecode(byte[], out string)"/>, also telling whether the file stores grey pixels (one channel).</summary>
    public static SKBitmap? TryDecode(byte[] data, out string reason, out bool storedGrey)
    {
        storedGrey = false;
        if (data.Length == 0)
        {
            reason = "the file is empty";
            return null;
        }

        using var codec = SKCodec.Create(new System.IO.MemoryStream(data, writable: false), out var created);
        if (codec is null)
        {
            reason = $"not a PNG, JPEG, WebP or BMP image, or its header is damaged ({Describe(created)})";
            return null;
        }

        // A header may claim any size: refuse absurd ones before allocating, rather than fail with an out-of-memory error.
        if ((long)codec.Info.Width * codec.Info.Height > MaxPixels)
        {
            reason = $"the image claims {codec.Info.Width}×{codec.Info.Height} pixels, more than the {MaxPixels / 1_000_000} megapixels read here";
            return null;
        }

        storedGrey = codec.Info.ColorType == SKColorType.Gray8;
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result != SKCodecResult.Success)
        {
            bitmap.Dispose();
            // Skia fills the rows it could not read and reports IncompleteInput: a truncated file is still an error.
            reason = $"the image data is damaged or truncated ({Describe(result)})";
            return null;
        }

        reason = "";
        return bitmap;
    }

    /// <summary>
    /// Resizes premultiplied RGBA to <paramref name="width"/> × <paramref name="height"/>: trilinear mipmapped sampling
    /// when shrinking (averages every source pixel instead of skipping most, so no aliasing), Mitchell cubic when enlarging.
    /// </summary>
    public static SKBitmap Resize(SKBitmap source, int width, int height)
    {
        var shrinking = width < source.Width || height < source.Height;
        var sampling = shrinking
            ? new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear)
            : new SKSamplingOptions(SKCubicResampler.Mitchell);
        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        return source.Resize(info, sampling)
            ?? throw new InvalidOperationException($"Skia could not resize a {source.Width}×{source.Height} image to {width}×{height}.");
    }

    /// <summary>
    /// Premultiplied RGBA to float32 [C, H, W] in [0, 1] with the alpha dropped (already composited over black):
    /// C = 3 keeps RGB, C = 1 takes the BT.601 luma (a grey source, R = G = B, stays exactly its grey level).
    /// </summary>
    public static Tensor ToTensor(SKBitmap rgba, int channels)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 (grayscale) or 3 (RGB) channels.");
        var bytes = rgba.Bytes; // a copy, rows packed: Skia's RGBA rows have no padding
        using var scope = NewDisposeScope();
        var hwc = tensor(bytes, dtype: ScalarType.Byte).reshape(rgba.Height, rgba.Width, 4);
        // Reordered while still bytes, then scaled in place: a 24-megapixel photo needs one float copy, not four.
        var rgb = hwc.narrow(2, 0, 3).permute(2, 0, 1).contiguous().to_type(ScalarType.Float32);
        Tensor result;
        if (channels == 3)
        {
            result = rgb;
        }
        else if (IsGrey(bytes))
        {
            result = rgb.narrow(0, 0, 1);
        }
        else
        {
            result = rgb[0].mul(Of(LumaRed)).add(rgb[1].mul(Of(LumaGreen)), One).add(rgb[2].mul(Of(LumaBlue)), One).unsqueeze(0);
        }

        return result.contiguous().div_(Of(255.0)).clamp_(Zero, One).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Quantises [C, H, W] in [0, 1] (C = 1 or 3) to 8 bits: a Gray8 bitmap for one channel, opaque RGBA for three.
    /// </summary>
    public static SKBitmap FromTensor(Tensor image, string argumentName)
    {
        ArgumentNullException.ThrowIfNull(image, argumentName);
        if (image.dim() != 3 || image.shape[0] is not (1 or 3))
        {
            throw new ArgumentException(
                $"Expected an image [C, H, W] with C = 1 or 3, got [{string.Join(", ", image.shape)}].", argumentName);
        }

        return FromPixels(ToBytes(image), (int)image.shape[2], (int)image.shape[1], (int)image.shape[0]);
    }

    /// <summary>
    /// Copies 8-bit pixels, rows top first and channels interleaved (HWC), into a bitmap: Gray8 for one channel,
    /// opaque RGBA for three. The caller has checked that <paramref name="pixels"/> holds width × height × channels bytes.
    /// </summary>
    public static SKBitmap FromPixels(ReadOnlySpan<byte> pixels, int width, int height, int channels)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 (grayscale) or 3 (RGB) channels.");
        var colorType = channels == 1 ? SKColorType.Gray8 : SKColorType.Rgba8888;
        var bitmap = new SKBitmap(new SKImageInfo(width, height, colorType, SKAlphaType.Opaque));
        var target = bitmap.GetPixelSpan();
        var stride = width * channels;
        for (var y = 0; y < height; y++)
        {
            var source = pixels.Slice(y * stride, stride);
            var row = target.Slice(y * bitmap.RowBytes, width * bitmap.BytesPerPixel);
            if (channels == 1)
            {
                source.CopyTo(row);
                continue;
            }

            for (int p = 0, q = 0; p < source.Length; p += 3, q += 4)
            {
                row[q] = source[p];
                row[q + 1] = source[p + 1];
                row[q + 2] = source[p + 2];
                row[q + 3] = byte.MaxValue;
            }
        }

        return bitmap;
    }

    /// <summary>[C, H, W] in [0, 1] to 8-bit pixels, rows top first, channels interleaved (HWC).</summary>
    public static byte[] ToBytes(Tensor image)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        // nan_to_num makes the one float copy; the rest works on it in place, so a large image costs one copy, not four.
        return image.detach().cpu().to_type(ScalarType.Float32)
            .nan_to_num(0).clamp_(Zero, One).mul_(Of(255.0)).round_()
            .to_type(ScalarType.Byte).permute(1, 2, 0).contiguous()
            .data<byte>().ToArray();
    }

    /// <summary>Whether every pixel of premultiplied RGBA has R = G = B: a grayscale image, whatever its file's colour type.</summary>
    public static bool IsGrey(SKBitmap rgba) => IsGrey(rgba.Bytes);

    /// <summary>Whether every pixel of premultiplied RGBA has R = G = B.</summary>
    public static bool IsGrey(ReadOnlySpan<byte> rgba)
    {
        for (var i = 0; i < rgba.Length; i += 4)
        {
            if (rgba[i] != rgba[i + 1] || rgba[i + 1] != rgba[i + 2])
                return false;
        }

        return true;
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "incomplete input",
        SKCodecResult.ErrorInInput => "error in input",
        SKCodecResult.InvalidInput => "invalid input",
        SKCodecResult.Unimplemented => "unrecognised format",
        _ => result.ToString(),
    };
}
