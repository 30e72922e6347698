using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>The images of a folder, stacked: [N, C, H, W], and the file each came from (same order, sorted by name).</summary>
public sealed record LoadedImages(Tensor Images, IReadOnlyList<string> Paths);

/// <summary>Loads every image file of a folder (or one file) to one layout.</summary>
public static class ImageFolder
{
    /// <summary>File extensions read as images (lower case, with the dot).</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".png", ".jpg", ".jpeg", ".webp", ".bmp" };

    /// <summary>
    /// Loads <paramref name="path"/> — one image file, or every image file directly inside a folder — to <paramref name="layout"/>,
    /// converting each as <see cref="ImageFile.Load"/> does. In a folder, files with other extensions are skipped and the
    /// images are sorted by file name (ordinal), so the order does not depend on the file system. <paramref name="maxCount"/>
    /// keeps the first images in that order; the files after them are not opened.
    /// </summary>
    /// <exception cref="ImageFileException">A file cannot be read, or the folder has no images; nothing is returned partially.</exception>
    public static LoadedImages Load(string path, ImageLayout layout, bool resize = true, int? maxCount = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(layout);
        if (maxCount is <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxCount), maxCount, "At least one image must be loaded.");
        string[] files;
        if (File.Exists(path))
        {
            files = [path];
        }
        else if (Directory.Exists(path))
        {
            files = Directory.EnumerateFiles(path)
                .Where(ImageFile.HasImageExtension)
                .OrderBy(Path.GetFileName, StringComparer.Ordinal)
                .ToArray();
            if (files.Length == 0)
                throw new ImageFileException(path, $"the folder has no image files ({string.Join(", ", Extensions)})");
            // The first files by name only: the others are never opened, so a damaged one past the limit does not matter.
            if (maxCount is int max && max < files.Length)
                files = files[..max];
        }
        else
        {
            throw new ImageFileException(path, "no such file or folder");
        }

        var images = new List<Tensor>(files.Length);
        try
        {
            foreach (var file in files)
                images.Add(ImageFile.Load(file, layout, resize));
            return new LoadedImages(stack(images), files);
        }
        finally
        {
            foreach (var image in images)
                image.Dispose();
        }
    }
}
