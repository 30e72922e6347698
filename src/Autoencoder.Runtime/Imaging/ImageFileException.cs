using System.IO;

namespace Autoencoder.Runtime.Imaging;

/// <summary>An image file that cannot be read (missing, not PNG/JPEG/..., damaged); the message names the file and the reason.</summary>
public sealed class ImageFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ImageFileException(string path, string reason) : base($"{path}: {reason}")
    {
        Path = path;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }
}
