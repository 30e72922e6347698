using System;
using System.IO;
using Autoencoder.Runtime.Imaging;
using SkiaSharp;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// Turns one file into one sample as the options say: decode, check its colour kind and size, crop (random place,
/// flips, downscale from the sample's own <see cref="SampleRandom"/>; or the centre; or all of it) and convert to
/// [C, H, W] floats. A file kept by the cache is cut from its kept pixels, the same way. Runs on the decode threads: no
/// tensors, only managed memory and Skia.
/// </summary>
internal sealed class ImageSampler(ImageFolderOptions options)
{
    // ITU-R BT.601 luma weights, as SkiaRaster uses.
    private const float LumaRed = 0.299f;
    private const float LumaGreen = 0.587f;
    private const float LumaBlue = 0.114f;

    private readonly DecodedImageCache? _cache = options.CacheBytes > 0 ? new DecodedImageCache(options.CacheBytes) : null;

    /// <summary>Bytes of decoded images kept for later epochs so far (see <see cref="ImageFolderOptions.CacheBytes"/>).</summary>
    public long CachedBytes => _cache?.UsedBytes ?? 0;

    public SampleOutcome Take(string path, SampleRandom random, Func<int, float[]> rent)
    {
        if (_cache?.Find(path) is { } kept)
            return Cut(path, kept.Rgba, kept.RowBytes, kept.Width, kept.Height, kept.Grey, random, rent);

        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return SampleOutcome.BadFile(path, "cannot be read: " + e.Message);
        }

        using var bitmap = SkiaRaster.TryDecode(data, out var reason, out bool storedGrey);
        if (bitmap is null)
            return SampleOutcome.BadFile(path, reason);

        bool grey = storedGrey || (options.Channels == 1 && SkiaRaster.IsGrey(bitmap.GetPixelSpan()));
        if (!options.ConvertColour && options.Channels == 1 && !grey)
            return SampleOutcome.Failed(new ImageFileException(path, "is a colour image and the data takes 1 channel (grayscale); " +
                "set ImageFolderOptions.ConvertColour to convert it (BT.601 luma), or use 3 channels"));
        if (!options.ConvertColour && options.Channels == 3 && storedGrey)
            return SampleOutcome.Failed(new ImageFileException(path, "is a grayscale image and the data takes 3 channels (RGB); " +
                "set ImageFolderOptions.ConvertColour to repeat its grey in R, G and B, or use 1 channel"));

        // Only a file that gives samples is worth its memory.
        if (_cache is not null && (options.Crop == ImageCrop.Whole || (bitmap.Width >= options.PatchWidth && bitmap.Height >= options.PatchHeight)))
            _cache.TryKeep(path, bitmap, grey);
        return Cut(path, bitmap.GetPixelSpan(), bitmap.RowBytes, bitmap.Width, bitmap.Height, grey, random, rent);
    }

    /// <summary>The sample of one decoded image (premultiplied RGBA rows), as the options say.</summary>
    private SampleOutcome Cut(string path, ReadOnlySpan<byte> rgba, int rowBytes, int width, int height, bool grey, SampleRandom random, Func<int, float[]> rent)
    {
        if (options.Crop == ImageCrop.Whole)
            return SampleOutcome.Of(Convert(rgba, rowBytes, new SKRectI(0, 0, width, height), flipX: false, flipY: false, grey, rent));

        int patchHeight = options.PatchHeight;
        int patchWidth = options.PatchWidth;
        if (width < patchWidth || height < patchHeight)
            return SampleOutcome.BadFile(path, $"is {width}×{height} pixels, smaller than the {patchWidth}×{patchHeight} patch");
        if (options.Crop == ImageCrop.Centre)
        {
            var centre = SKRectI.Create((width - patchWidth) / 2, (height - patchHeight) / 2, patchWidth, patchHeight);
            return SampleOutcome.Of(Convert(rgba, rowBytes, centre, flipX: false, flipY: false, grey, rent));
        }

        // Always drawn in this order, so a sample's draws depend on nothing but its seed.
        int regionHeight = patchHeight;
        int regionWidth = patchWidth;
        if (options.Downscale is { } range)
        {
            double scale = range.Min + ((range.Max - range.Min) * random.NextDouble());
            // The largest shrink that still covers the patch with the whole image.
            scale = Math.Max(scale, Math.Max((double)patchHeight / height, (double)patchWidth / width));
            regionHeight = Math.Min(height, (int)Math.Round(patchHeight / scale));
            regionWidth = Math.Min(width, (int)Math.Round(patchWidth / scale));
        }
        var region = SKRectI.Create(random.Next(width - regionWidth + 1), random.Next(height - regionHeight + 1), regionWidth, regionHeight);
        bool flipX = options.FlipHorizontal && random.NextBool();
        bool flipY = options.FlipVertical && random.NextBool();
        if (regionHeight == patchHeight && regionWidth == patchWidth)
            return SampleOutcome.Of(Convert(rgba, rowBytes, region, flipX, flipY, grey, rent));

        // The region is copied out (a few hundred pixels square) and shrunk on its own.
        using var cutOut = new SKBitmap(new SKImageInfo(regionWidth, regionHeight, SKColorType.Rgba8888, SKAlphaType.Premul));
        var target = cutOut.GetPixelSpan();
        int regionRowBytes = regionWidth * 4;
        for (int y = 0; y < regionHeight; y++)
            rgba.Slice(((region.Top + y) * rowBytes) + (region.Left * 4), regionRowBytes).CopyTo(target.Slice(y * cutOut.RowBytes, regionRowBytes));
        using var shrunk = SkiaRaster.Resize(cutOut, patchWidth, patchHeight);
        return SampleOutcome.Of(Convert(shrunk.GetPixelSpan(), shrunk.RowBytes, new SKRectI(0, 0, patchWidth, patchHeight), flipX, flipY, grey, rent));
    }

    /// <summary>A region of premultiplied RGBA (alpha already composited over black) to [C, H, W] floats in [0, 1].</summary>
    private SamplePixels Convert(ReadOnlySpan<byte> pixels, int rowBytes, SKRectI region, bool flipX, bool flipY, bool grey, Func<int, float[]> rent)
    {
        int height = region.Height;
        int width = region.Width;
        int plane = height * width;
        int channels = options.Channels;
        var buffer = rent(channels * plane);
        // Divided, not multiplied by 1/255: the same floats as ImageFile.Load gives for the same pixels.
        const float MaxLevel = 255f;
        for (int y = 0; y < height; y++)
        {
            int sourceRow = (region.Top + (flipY ? height - 1 - y : y)) * rowBytes;
            int target = y * width;
            for (int x = 0; x < width; x++, target++)
            {
                int p = sourceRow + ((region.Left + (flipX ? width - 1 - x : x)) * 4);
                if (channels == 3)
                {
                    buffer[target] = pixels[p] / MaxLevel;
                    buffer[plane + target] = pixels[p + 1] / MaxLevel;
                    buffer[(2 * plane) + target] = pixels[p + 2] / MaxLevel;
                }
                else
                {
                    buffer[target] = grey
                        ? pixels[p] / MaxLevel
                        : Math.Clamp(((LumaRed * pixels[p]) + (LumaGreen * pixels[p + 1]) + (LumaBlue * pixels[p + 2])) / MaxLevel, 0f, 1f);
                }
            }
        }
        return new SamplePixels(buffer, height, width);
    }
}
