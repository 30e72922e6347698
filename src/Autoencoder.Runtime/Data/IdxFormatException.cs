using System;
using System.IO;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// An IDX file (or a pair of them) does not hold what the reader expects. The message names the
/// file, the byte offset and what was expected versus found, so a bad download can be diagnosed
/// without a hex editor. Derives from <see cref="IOException"/> because
/// <see cref="InvalidDataException"/> is sealed.
/// </summary>
public sealed class IdxFormatException : IOException
{
    /// <summary>Creates the exception for a problem at <paramref name="offset"/> in <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file being read.</param>
    /// <param name="offset">Byte offset of the problem (in the decompressed stream for gzip files), if known.</param>
    /// <param name="problem">What was expected and what was found.</param>
    /// <param name="innerException">The underlying error, if any.</param>
    /// <param name="offsetIsDecompressed">True when <paramref name="offset"/> counts bytes after gzip decompression.</param>
    public IdxFormatException(
        string filePath, long? offset, string problem, Exception? innerException = null, bool offsetIsDecompressed = false)
        : base(Describe(filePath, offset, problem, offsetIsDecompressed), innerException)
    {
        FilePath = filePath;
        Offset = offset;
    }

    /// <summary>The file in which the problem was found.</summary>
    public string FilePath { get; }

    /// <summary>Byte offset of the problem (in the decompressed stream for gzip files), or null when not tied to one.</summary>
    public long? Offset { get; }

    private static string Describe(string filePath, long? offset, string problem, bool offsetIsDecompressed) =>
        offset switch
        {
            null => $"Invalid IDX file '{filePath}': {problem}",
            _ when offsetIsDecompressed => $"Invalid IDX file '{filePath}' at byte offset {offset} of the decompressed data: {problem}",
            _ => $"Invalid IDX file '{filePath}' at byte offset {offset}: {problem}",
        };
}
