using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The 7 bytes that start every <see cref="LearnedCodec"/> stream: magic "AE", the format version, the model identity.
/// Kept this short on purpose: a 28×28 MNIST stream is a few dozen bytes in all. Version 1 (fixed shapes) is followed by
/// the payload; version 2 (images of their own size) by the <see cref="RecordedSizes"/> and then the payload.
/// </summary>
internal static class StreamHeader
{
    /// <summary>A codec of fixed input and code shapes: nothing but the payload follows the header.</summary>
    public const byte FixedShapeVersion = 1;

    /// <summary>A codec built from an image geometry: the image's channels and size and the code's sizes follow the header.</summary>
    public const byte SizedVersion = 2;

    /// <summary>A scale-hyperprior codec: recorded sizes, then the side information's payload and the code's.</summary>
    public const byte HyperpriorVersion = 3;

    /// <summary>Header length in bytes.</summary>
    public const int Length = 2 + 1 + ModelIdentity.Length;

    private static ReadOnlySpan<byte> Magic => "AE"u8;

    /// <summary>Writes the header into the first <see cref="Length"/> bytes of <paramref name="stream"/>.</summary>
    public static void Write(Span<byte> stream, byte version, ReadOnlySpan<byte> identity)
    {
        Magic.CopyTo(stream);
        stream[2] = version;
        identity.CopyTo(stream[3..]);
    }

    /// <summary>Checks the header of <paramref name="stream"/> against the <paramref name="version"/> and <paramref name="identity"/> of a codec.</summary>
    /// <exception cref="CorruptStreamException">Not our format, another version, another model, or cut inside the header.</exception>
    public static void Check(ReadOnlySpan<byte> stream, byte version, ReadOnlySpan<byte> identity)
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

        if (stream[2] is not (FixedShapeVersion or SizedVersion or HyperpriorVersion))
        {
            throw new CorruptStreamException(
                $"unsupported stream: written by format version {stream[2]}; this build reads {FixedShapeVersion} to {HyperpriorVersion}.");
        }

        if (stream[2] != version)
        {
            throw new CorruptStreamException(
                $"unsupported stream: written by format version {stream[2]} ({Describe(stream[2])}); this codec reads version {version} ({Describe(version)}).");
        }

        if (!stream.Slice(3, ModelIdentity.Length).SequenceEqual(identity))
        {
            throw new CorruptStreamException(
                $"stream of another model: written by a different model or different weights (model identity " +
                $"{Convert.ToHexStringLower(stream.Slice(3, ModelIdentity.Length))}, this codec's is {Convert.ToHexStringLower(identity)}).");
        }
    }

    private static string Describe(byte version) => version switch
    {
        FixedShapeVersion => "fixed shapes",
        SizedVersion => "images of their own size",
        _ => "scale hyperprior",
    };
}
