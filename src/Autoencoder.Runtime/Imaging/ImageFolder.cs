using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>The images of a folder, stacked: [N, C, H, W], and the file each came from (same order, sorted by name).</summary>
public sealed record LoadedImages(Tensor Images, IReadOnlyList<string> Paths);

/// <summary>The images of a folder, each [C, H, W] at its own size, and the file each came from (same order, sorted by name).</summary>
public sealed record LoadedImageList(IReadOnlyList<Tensor> Images, IReadOnlyList<string> Paths) : IDisposable
{
    /// <summary>Disposes every image.</summary>
    public void Dispose()
    {
        foreach (var image in Images)
            image.Dispose();
    }
}

/// <summary>Loads every image file of a folder (or one file), to one layout or each at its own size.</summary>
public static class ImageFolder
{
    /// <summary>File extensions read as images (lower case, with the dot).</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".png", ".jpg", ".jpeg", ".webp", ".bmp" };

    /// <summary>
    /// Loads <paramref name="path"/> — one image file, or every image file directly inside a folder — as <paramref name="layout"/>,
    /// each as <see cref="ImageFile.Load"/> does: resized only with <paramref name="resize"/>, converted between colour and
    /// grayscale only with <paramref name="convertChannels"/>. In a folder, files with other extensions are skipped and the
    /// images are sorted by file name (ordinal), so the order does not depend on the file system. <paramref name="maxCount"/>
    /// keeps the first images in that order; the files after them are not opened.
    /// </summary>
    /// <exception cref="ImageFileException">A file cannot be read or is not as the layout says, or the folder has no images; nothing is returned partially.</exception>
    public static LoadedImages Load(string path, ImageLayout layout, bool resize = false, int? maxCount = null, bool convertChannels = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var files = Files(path, maxCount);
        var images = new List<Tensor>(files.Length);
        try
        {
            foreach (var file in files)
                images.Add(ImageFile.Load(file, layout, resize, convertChannels));
            return new LoadedImages(stack(images), files);
        }
        finally
        {
            foreach (var image in images)
                image.Dispose();
        }
    }

    /// <summary>
    /// Loads <paramref name="path"/> (one image file, or the image files of a folder, in the order of <see cref="Load"/>) each at
    /// its own size as <paramref name="channels"/> channels, as <see cref="ImageFile.LoadNative"/> does.
    /// </summary>
    /// <exception cref="ImageFileException">A file cannot be read or has other channels without <paramref name="convertChannels"/>, or the folder has no images; nothing is returned partially.</exception>
    public static LoadedImageList LoadNative(string path, int channels, bool convertChannels = false, int? maxCount = null)
    {
        var files = Files(path, maxCount);
        var images = new List<Tensor>(files.Length);
        try
        {
            foreach (var file in files)
                images.Add(ImageFile.LoadNative(file, channels, convertChannels));
            return new LoadedImageList(images, files);
        }
        catch
        {
            foreach (var image in images)
                image.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The image files <see cref="Load"/> would read from <paramref name="path"/>, in its order, without opening them: the file
    /// itself, or the image files directly inside the folder sorted by name, the first <paramref name="maxCount"/> of them.
    /// </summary>
    /// <exception cref="ImageFileException">No such file or folder, or a folder without image files.</exception>
    public static string[] Files(string path, int? maxCount = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (maxCount is <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "At least one image must be loaded.");
        if (File.Exists(path))
            return [path];
        if (!Directory.Exists(path))
            throw new ImageFileException(path, "no such file or folder");
        var files = Directory.EnumerateFiles(path)
            .Where(ImageFile.HasImageExtension)
            .OrderBy(Path.GetFileName, StringComparer.Ordinal)
            .ToArray();
        if (files.Length == 0)
            throw new ImageFileException(path, $"the folder has no image files ({string.Join(", ", Extensions)})");
        // The first files by name only: the others are never opened, so a damaged one past the limit does not matter.
        return maxCount is int max && max < files.Length ? files[..max] : files;
    }
}
