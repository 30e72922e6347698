using System.IO;

namespace Autoencoder.Runtime.IO;

/// <summary>A model file that cannot be used: not a model file, damaged, or written for another model; the message names the file.</summary>
public sealed class ModelFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ModelFileException(string path, string reason) : base($"{path}: {reason}")
    {
        Path = path;
    }

    /// <summary>The file that could not be used.</summary>
    public string Path { get; }
}
