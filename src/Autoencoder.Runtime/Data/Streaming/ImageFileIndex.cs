using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using Autoencoder.Runtime.Imaging;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// The image files under a folder, its subfolders included, sorted by their path relative to it (ordinal, '/' between
/// folders), so the order, and with it every shuffle, does not depend on the file system.
/// </summary>
internal sealed class ImageFileIndex
{
    private ImageFileIndex(string[] files, string digest)
    {
        Files = files;
        Digest = digest;
    }

    /// <summary>Full paths, in index order.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>A short hash of the relative paths: another set of files has another digest, a moved folder the same.</summary>
    public string Digest { get; }

    /// <exception cref="ImageFileException">The folder does not exist or holds no image files.</exception>
    public static ImageFileIndex Of(string folder)
    {
        if (File.Exists(folder))
            throw new ImageFileException(folder, "is a file; an image folder source reads a folder");
        if (!Directory.Exists(folder))
            throw new ImageFileException(folder, "no such folder");
        var root = Path.GetFullPath(folder);
        var entries = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .Where(ImageFile.HasImageExtension)
            .Select(path => (Relative: Path.GetRelativePath(root, path).Replace(Path.DirectorySeparatorChar, '/'), Full: path))
            .OrderBy(e => e.Relative, StringComparer.Ordinal)
            .ToArray();
        if (entries.Length == 0)
            throw new ImageFileException(folder, $"the folder and its subfolders have no image files ({string.Join(", ", ImageFolder.Extensions)})");

        var names = Encoding.UTF8.GetBytes(string.Join("\n", entries.Select(e => e.Relative)));
        var digest = Convert.ToHexStringLower(SHA256.HashData(names))[..16];
        return new ImageFileIndex(entries.Select(e => e.Full).ToArray(), digest);
    }
}
