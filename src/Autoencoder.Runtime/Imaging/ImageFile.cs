using System;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>CONTRACT SKELETON (issue 6): reads PNG/JPEG/WebP/BMP files into model inputs and writes images as PNG.</summary>
public static class ImageFile
{
    /// <summary>
    /// Reads one image file and converts it to <paramref name="layout"/>: grayscale or RGB, resized to its height and width
    /// (when <paramref name="resize"/>; otherwise a different size is an error). Returns [C, H, W] with values in [0, 1].
    /// </summary>
    /// <exception cref="ImageFileException">Missing, unreadable, or (without resize) the wrong size.</exception>
    public static Tensor Load(string path, ImageLayout layout, bool resize = true) => throw new NotImplementedException("issue 6: being written");

    /// <summary>Writes one image, [C, H, W] (C = 1 or 3) with values in [0, 1], as a PNG file (atomically).</summary>
    public static void SavePng(Tensor image, string path) => throw new NotImplementedException("issue 6: being written");
}
