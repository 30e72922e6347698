using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The 7 bytes before a <see cref="LearnedCodec"/> payload: magic "AE", the format version, the model identity.
/// Kept this short on purpose: a 28×28 MNIST stream is a few dozen bytes in all.
/// </summary>
internal static class StreamHeader
{
    /// <summary>The format this build writes and reads. Raise it whenever the payload's meaning changes.</summary>
    public const byte FormatVersion = 1;

    /// <summary>Header length in bytes.</summary>
    public const int Length = 2 + 1 + ModelIdentity.Length;

    private static ReadOnlySpan<byte> Magic => "AE"u8;

    /// <summary>Writes the header into the first <see cref="Length"/> bytes of <paramref name="stream"/>.</summary>
    public static void Write(Span<byte> stream, ReadOnlySpan<byte> identity)
    {
        Magic.CopyTo(stream);
        stream[2] = FormatVersion;
        identity.CopyTo(stream[3..]);
    }

    /// <summary>Checks the header of <paramref name="stream"/> against this build and <paramref name="identity"/>.</summary>
    /// <exception cref="CorruptStreamException">Not our format, another version, another model, or cut inside the header.</exception>
    public static void Check(ReadOnlySpan<byte> stream, ReadOnlySpan<byte> identity)
    {
        if (stream.IsEmpty)
        {
            throw new CorruptStreamException("empty stream: there are no bytes to decode.");
        }

        var magicSeen = Math.Min(stream.Length, Magic.Length);
        if (!stream[..magicSeen].SequenceEqual(Magic[..magicSeen]))
        {
            throw new CorruptStreamException("not a learned-codec stream: it does not start with the magic bytes 'AE'.");
        }

        if (stream.Length < Length)
        {
            throw new CorruptStreamException($"truncated stream: {stream.Length} bytes, shorter than the {Length}-byte header.");
        }

        if (stream[2] != FormatVersion)
        {
            throw new CorruptStreamException(
                $"unsupported stream: written by format version {stream[2]}; this build reads {FormatVersion}.");
        }

        if (!stream.Slice(3, ModelIdentity.Length).SequenceEqual(identity))
        {
            throw new CorruptStreamException(
                $"stream of another model: written by a different model or different weights (model identity " +
                $"{Convert.ToHexStringLower(stream.Slice(3, ModelIdentity.Length))}, this codec's is {Convert.ToHexStringLower(identity)}).");
        }
    }
}
