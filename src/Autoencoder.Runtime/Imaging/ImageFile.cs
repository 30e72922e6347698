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
    /// Reads one image file and converts it to <paramref name="layout"/>: grayscale or RGB, resized to its height and width
    /// (when <paramref name="resize"/>; otherwise a different size is an error). Returns [C, H, W] with values in [0, 1].
    /// </summary>
    /// <remarks>
    /// Colour to grayscale takes the ITU-R BT.601 luma, 0.299 R + 0.587 G + 0.114 B; grayscale to colour repeats the
    /// grey level in R, G and B. Transparency is composited over black and then dropped. Shrinking samples trilinearly
    /// from mipmaps (every source pixel counts), enlarging uses the Mitchell cubic filter; the aspect ratio is not kept.
    /// </remarks>
    /// <exception cref="ImageFileException">Missing, unsupported extension, not an image or damaged, or (without resize) the wrong size.</exception>
    public static Tensor Load(string path, ImageLayout layout, bool resize = true)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(layout);
        if (layout.Channels is not (1 or 3))
            throw new ArgumentException($"A layout has 1 (grayscale) or 3 (RGB) channels, not {layout.Channels}.", nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.Height, nameof(layout));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(layout.Width, nameof(layout));

        var data = ReadBytes(path);
        using var decoded = SkiaRaster.TryDecode(data, out var reason) ?? throw new ImageFileException(path, reason);
        if (decoded.Width == layout.Width && decoded.Height == layout.Height)
            return SkiaRaster.ToTensor(decoded, layout.Channels);
        if (!resize)
        {
            throw new ImageFileException(
                path, $"is {decoded.Width}×{decoded.Height} but the model takes {layout.Width}×{layout.Height}");
        }

        using var resized = SkiaRaster.Resize(decoded, layout.Width, layout.Height);
        return SkiaRaster.ToTensor(resized, layout.Channels);
    }

    /// <summary>Writes one image, [C, H, W] (C = 1 or 3) with values in [0, 1], as a PNG file (atomically).</summary>
    /// <remarks>Values are clamped to [0, 1] and rounded to 8 bits; NaN is written as 0.</remarks>
    public static void SavePng(Tensor image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (image.dim() != 3 || image.shape[0] is not (1 or 3))
        {
            throw new ArgumentException(
                $"Expected an image [C, H, W] with C = 1 or 3, got [{string.Join(", ", image.shape)}].", nameof(image));
        }

        var colorType = image.shape[0] == 1 ? PngColorType.Grayscale : PngColorType.Rgb;
        var png = PngEncoder.Encode(SkiaRaster.ToBytes(image), (int)image.shape[2], (int)image.shape[1], colorType);
        AtomicFile.WriteAllBytes(path, png);
    }

    /// <summary>Whether <paramref name="path"/>'s extension is one of <see cref="ImageFolder.Extensions"/> (any case).</summary>
    internal static bool HasImageExtension(string path) =>
        ImageFolder.Extensions.Contains(Path.GetExtension(path).ToLowerInvariant());

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
