using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// What a version-2 stream records between its header and its payload, so that a photo comes back at its own size: the
/// image's channels, height and width, then the code's sizes after its channel axis (their count, then each). Every number
/// is an unsigned LEB128 varint, so a 768×512 colour photo with a 48×32 code costs 8 bytes. Reading bounds every number
/// before anything is allocated: a crafted header cannot make the decoder reserve more than these limits allow.
/// </summary>
internal sealed record RecordedSizes(int Channels, int Height, int Width, IReadOnlyList<int> CodeSizes)
{
    /// <summary>The largest height or width of an image or a code side.</summary>
    public const int MaxSide = 1 << 15;

    /// <summary>The most pixels an image may have (64 Mi: 8192×8192).</summary>
    public const long MaxPixels = 1L << 26;

    /// <summary>The most channels an image may record.</summary>
    public const int MaxChannels = 64;

    /// <summary>The most axes a code may have after its channel axis.</summary>
    public const int MaxCodeRank = 3;

    // 3 varint bytes hold 21 bits: every number allowed above fits, so a fourth byte is always damage.
    private const int MaxVarintBytes = 3;

    /// <summary>The code's element count for <paramref name="channels"/> code channels.</summary>
    public long CodeElements(long channels) => CodeSizes.Aggregate(channels, (product, size) => product * size);

    /// <summary>The recorded bytes.</summary>
    public byte[] ToBytes()
    {
        var bytes = new List<byte>(16);
        foreach (var value in new[] { Channels, Height, Width, CodeSizes.Count }.Concat(CodeSizes))
        {
            var rest = (uint)value;
            while (rest >= 0x80)
            {
                bytes.Add((byte)(rest | 0x80));
                rest >>= 7;
            }

            bytes.Add((byte)rest);
        }

        return [.. bytes];
    }

    /// <summary>Reads the sizes at <paramref name="offset"/>, which moves past them.</summary>
    /// <exception cref="CorruptStreamException">Cut short, or a number out of its bounds.</exception>
    public static RecordedSizes Read(ReadOnlySpan<byte> stream, ref int offset)
    {
        var channels = ReadNumber(stream, ref offset, "image channels", 1, MaxChannels);
        var height = ReadNumber(stream, ref offset, "image height", 1, MaxSide);
        var width = ReadNumber(stream, ref offset, "image width", 1, MaxSide);
        if ((long)height * width > MaxPixels)
        {
            throw new CorruptStreamException(
                $"damaged stream: it records a {width}×{height} image, more than the {MaxPixels} pixels a stream may hold.");
        }

        var rank = ReadNumber(stream, ref offset, "number of code axes", 0, MaxCodeRank);
        var codeSizes = new int[rank];
        for (var axis = 0; axis < rank; axis++)
        {
            codeSizes[axis] = ReadNumber(stream, ref offset, "code size", 1, MaxSide);
        }

        return new RecordedSizes(channels, height, width, codeSizes);
    }

    /// <summary>The error that sizes out of this format's bounds make when writing, or null.</summary>
    public string? OutOfBounds()
    {
        if (Height > MaxSide || Width > MaxSide || (long)Height * Width > MaxPixels)
            return $"A {Width}×{Height} image is larger than a stream holds (sides up to {MaxSide}, at most {MaxPixels} pixels).";
        if (Channels > MaxChannels)
            return $"An image of {Channels} channels has more than the {MaxChannels} a stream records.";
        if (CodeSizes.Count > MaxCodeRank || CodeSizes.Any(size => size > MaxSide))
            return $"A code with sizes [{string.Join(", ", CodeSizes)}] after its channels is more than a stream records ({MaxCodeRank} axes of up to {MaxSide}).";
        return null;
    }

    /// <summary>"a 37×23 image of 3 channels, code sizes [10, 6]", as messages name them.</summary>
    public override string ToString() =>
        $"a {Width}×{Height} image (width×height) of {Channels} channel{(Channels == 1 ? "" : "s")}, code sizes [{string.Join(", ", CodeSizes)}]";

    private static int ReadNumber(ReadOnlySpan<byte> stream, ref int offset, string what, int min, int max)
    {
        uint value = 0;
        for (var i = 0; ; i++)
        {
            if (offset >= stream.Length)
                throw new CorruptStreamException($"truncated stream: it ends inside the recorded sizes (at the {what}).");
            if (i == MaxVarintBytes)
                throw new CorruptStreamException($"damaged stream: the recorded {what} runs past {MaxVarintBytes} bytes.");
            var b = stream[offset++];
            value |= (uint)(b & 0x7F) << (7 * i);
            if (b < 0x80)
                break;
        }

        if (value < min || value > max)
            throw new CorruptStreamException($"damaged stream: it records {what} {value}; a stream holds {min} to {max}.");
        return (int)value;
    }
}
