using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>The images of a folder, stacked: [N, C, H, W], and the file each came from (same order, sorted by name).</summary>
public sealed record LoadedImages(Tensor Images, IReadOnlyList<string> Paths);

/// <summary>CONTRACT SKELETON (issue 6): loads every image file of a folder (or one file) to one layout.</summary>
public static class ImageFolder
{
    /// <summary>File extensions read as images (lower case, with the dot).</summary>
    public static IReadOnlyList<string> Extensions { get; } = new[] { ".png", ".jpg", ".jpeg", ".webp", ".bmp" };

    /// <summary>Loads <paramref name="path"/> — one image file, or every image file directly inside a folder — to <paramref name="layout"/>.</summary>
    /// <exception cref="ImageFileException">A file cannot be read, or the folder has no images; nothing is returned partially.</exception>
    public static LoadedImages Load(string path, ImageLayout layout, bool resize = true) => throw new NotImplementedException("issue 6: being written");
}
