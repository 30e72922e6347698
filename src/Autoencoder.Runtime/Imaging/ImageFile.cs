using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.IO;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>Reads PNG/JPEG/WebP/BMP files into model inputs (through SkiaSharp) and writes images as PNG.</summary>
public static class ImageFile
{
    /// <summary>
    /// Reads one image file as <paramref name="layout"/>: [C, H, W] with values in [0, 1]. Nothing is changed silently: an
    /// image of another size is resized only when <paramref name="resize"/> is set, and a colour image becomes grayscale (or a
    /// grayscale one colour) only when <paramref name="convertChannels"/> is set; otherwise either is an error naming both.
    /// </summary>
    /// <remarks>
    /// An image is grayscale when every pixel has R = G = B (a grey PNG, or an RGB file of grey pixels), colour otherwise.
    /// Colour to grayscale takes the ITU-R BT.601 luma, 0.299 R + 0.587 G + 0.114 B; grayscale to colour repeats the
    /// grey level in R, G and B. Transparency is composited over black and then dropped. Shrinking samples trilinearly
    /// from mipmaps (every source pixel counts), enlarging uses the Mitchell cubic filter; the aspect ratio is not kept.
    /// </remarks>
    /// <exception cref="ImageFileException">
    /// Missing, unsupported extension, not an image or damaged; or another size without <paramref name="resize"/>, or other
    /// channels without <paramref name="convertChannels"/> (<see cref="ImageFileException.Mismatch"/> says which).
    /// </exception>
    public static Tensor Load(string path, ImageLayout layout, bool resize = false, bool convertChannels = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(layout);
        RequireChannels(layout.Channels, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.Height, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.Width, nameof(layout));

        using var decoded = Decode(path);
        var otherSize = decoded.Width != layout.Width || decoded.Height != layout.Height;
        if (otherSize && !resize)
        {
            throw new ImageFileException(path,
                $"is {decoded.Width}×{decoded.Height} (width×height) but the model takes {layout.Width}×{layout.Height}; images are resized only when asked",
                ImageMismatch.Size);
        }

        RequireChannelsOf(path, decoded, layout.Channels, convertChannels);
        if (otherSize)
        {
            using var resized = SkiaRaster.Resize(decoded, layout.Width, layout.Height);
            return SkiaRaster.ToTensor(resized, layout.Channels);
        }

        return SkiaRaster.ToTensor(decoded, layout.Channels);
    }

    /// <summary>
    /// Reads one image file at its own height and width as <paramref name="channels"/> channels (1 grayscale, 3 RGB):
    /// [C, H, W] with values in [0, 1], for a model of free sizes. Colour and grayscale are converted as in
    /// <see cref="Load"/> only when <paramref name="convertChannels"/> is set; otherwise other channels are an error.
    /// </summary>
    /// <exception cref="ImageFileException">Missing, unsupported extension, not an image or damaged, or other channels without <paramref name="convertChannels"/>.</exception>
    public static Tensor LoadNative(string path, int channels, bool convertChannels = false)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        RequireChannels(channels, nameof(channels));
        using var decoded = Decode(path);
        RequireChannelsOf(path, decoded, channels, convertChannels);
        return SkiaRaster.ToTensor(decoded, channels);
    }

    /// <summary>Writes one image, [C, H, W] (C = 1 or 3) with values in [0, 1], as a PNG file (atomically).</summary>
    /// <remarks>Values are clamped to [0, 1] and rounded to 8 bits; NaN is written as 0.</remarks>
    public static void SavePng(Tensor image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, EncodePng(image));
    }

    /// <summary>One image, [C, H, W] (C = 1 or 3) with values in [0, 1], as the bytes of a PNG file (as <see cref="SavePng"/> writes it).</summary>
    /// <remarks>A PNG is a small fraction of the image's float tensor: a command can hold its outputs until all are computed.</remarks>
    public static byte[] EncodePng(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.shape[0] is not (1 or 3))
        {
            throw new ArgumentException(
                $"Expected an image [C, H, W] with C = 1 or 3, got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        var colorType = image.shape[0] == 1 ? PngColorType.Grayscale : PngColorType.Rgb;
        return PngEncoder.Encode(SkiaRaster.ToBytes(image), (int)image.shape[2], (int)image.shape[1], colorType);
    }

    /// <summary>Whether <paramref name="path"/>'s extension is one of <see cref="ImageFolder.Extensions"/> (any case).</summary>
    internal static bool HasImageExtension(string path) =>
        ImageFolder.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

    private static SkiaSharp.SKBitmap Decode(string path)
    {
        var data = ReadBytes(path);
        return SkiaRaster.TryDecode(data, out var reason) ?? throw new ImageFileException(path, reason);
    }

    private static void RequireChannelsOf(string path, SkiaSharp.SKBitmap rgba, int channels, bool convertChannels)
    {
        var own = SkiaRaster.IsGrey(rgba) ? 1 : 3;
        if (own != channels && !convertChannels)
        {
            throw new ImageFileException(path,
                $"is {Describe(own)} but the model takes {Describe(channels)}; colour and grayscale are converted only when asked",
                ImageMismatch.Channels);
        }
    }

    private static string Describe(int channels) => channels == 1 ? "grayscale (1 channel)" : "colour (3 channels, RGB)";

    private static void RequireChannels(int channels, string parameter)
    {
        if (channels is not (1 or 3))
            throw new ArgumentException($"An image has 1 (grayscale) or 3 (RGB) channels, not {channels}.", parameter);
    }

    private static byte[] ReadBytes(string path)
    {
        if (Directory.Exists(path))
            throw new ImageFileException(path, "is a folder, not an image file");
        if (!File.Exists(path))
            throw new ImageFileException(path, "no such file");
        if (!HasImageExtension(path))
        {
            var extension = Path.GetExtension(path);
            throw new ImageFileException(
                path, $"unsupported extension '{extension}' (expected {string.Join(", ", ImageFolder.Extensions)})");
        }

        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageFileException(path, $"cannot be read: {e.Message}");
        }
    }
}
