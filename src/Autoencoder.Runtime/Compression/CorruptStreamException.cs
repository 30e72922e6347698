using System.IO;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A compressed stream that cannot be decoded: not ours, written by another format version or another model, or
/// damaged. The message says which, in one line a command-line user can act on.
/// </summary>
public sealed class CorruptStreamException : IOException
{
    /// <summary>Creates the exception with a one-line reason.</summary>
    public CorruptStreamException(string message) : base(message)
    {
    }
}
