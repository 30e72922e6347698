using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Text;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Encodes 8-bit grayscale or RGB pixels as a PNG: IHDR, one zlib-compressed IDAT, IEND.
/// Each row gets the None, Sub or Up filter, whichever leaves the smallest residuals.
/// </summary>
public static class PngEncoder
{
    private static readonly byte[] Signature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte FilterNone = 0;
    private const byte FilterSub = 1;
    private const byte FilterUp = 2;

    /// <summary>Encodes row-major pixels (RGB interleaved) of a <paramref name="width"/> × <paramref name="height"/> image.</summary>
    /// <param name="pixels">Exactly width × height × channels bytes, top row first.</param>
    /// <param name="width">Image width in pixels.</param>
    /// <param name="height">Image height in pixels.</param>
    /// <param name="colorType">Grayscale (1 byte per pixel) or RGB (3 bytes per pixel).</param>
    /// <returns>The complete PNG file.</returns>
    public static byte[] Encode(ReadOnlySpan<byte> pixels, int width, int height, PngColorType colorType)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        var channels = ChannelCount(colorType);
        var stride = (long)width * channels;
        if (pixels.Length != stride * height)
        {
            throw new ArgumentException(
                $"Expected {width}×{height}×{channels} = {stride * height} bytes of pixels, got {pixels.Length}.", nameof(pixels));
        }

        using var png = new MemoryStream();
        png.Write(Signature);
        WriteChunk(png, "IHDR", Header(width, height, colorType));
        WriteChunk(png, "IDAT", Compress(pixels, (int)stride, height, channels));
        WriteChunk(png, "IEND", []);
        return png.ToArray();
    }

    private static int ChannelCount(PngColorType colorType) => colorType switch
    {
        PngColorType.Grayscale => 1,
        PngColorType.Rgb => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(colorType), colorType, "Only Grayscale and Rgb are supported."),
    };

    private static byte[] Header(int width, int height, PngColorType colorType)
    {
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8; // bits per sample
        header[9] = (byte)colorType;
        // Compression method 0 (deflate), filter method 0 (adaptive), interlace 0 (none): all zero.
        return header;
    }

    private static byte[] Compress(ReadOnlySpan<byte> pixels, int stride, int height, int bytesPerPixel)
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
        {
            var sub = new byte[1 + stride];
            var up = new byte[1 + stride];
            var none = new byte[1 + stride];
            for (var y = 0; y < height; y++)
            {
                var row = pixels.Slice(y * stride, stride);
                var above = y == 0 ? ReadOnlySpan<byte>.Empty : pixels.Slice((y - 1) * stride, stride);
                none[0] = FilterNone;
                row.CopyTo(none.AsSpan(1));
                FilterSubRow(row, bytesPerPixel, sub);
                FilterUpRow(row, above, up);
                zlib.Write(Cheapest(none, sub, up));
            }
        }

        return compressed.ToArray();
    }

    private static void FilterSubRow(ReadOnlySpan<byte> row, int bytesPerPixel, Span<byte> output)
    {
        output[0] = FilterSub;
        for (var x = 0; x < row.Length; x++)
        {
            var left = x >= bytesPerPixel ? row[x - bytesPerPixel] : 0;
            output[1 + x] = (byte)(row[x] - left);
        }
    }

    private static void FilterUpRow(ReadOnlySpan<byte> row, ReadOnlySpan<byte> above, Span<byte> output)
    {
        output[0] = FilterUp;
        for (var x = 0; x < row.Length; x++)
        {
            var prior = above.IsEmpty ? 0 : above[x];
            output[1 + x] = (byte)(row[x] - prior);
        }
    }

    // The usual heuristic from the PNG spec: smallest sum of residuals read as signed bytes.
    private static byte[] Cheapest(byte[] none, byte[] sub, byte[] up)
    {
        var best = none;
        var bestCost = Cost(none);
        if (Cost(sub) is var subCost && subCost < bestCost)
        {
            best = sub;
            bestCost = subCost;
        }

        return Cost(up) < bestCost ? up : best;
    }

    private static long Cost(byte[] filtered)
    {
        long cost = 0;
        for (var i = 1; i < filtered.Length; i++)
        {
            cost += Math.Abs((int)(sbyte)filtered[i]);
        }

        return cost;
    }

    private static void WriteChunk(Stream png, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> field = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(field, data.Length);
        png.Write(field);

        Span<byte> typeBytes = stackalloc byte[4];
        Encoding.ASCII.GetBytes(type, typeBytes);
        png.Write(typeBytes);
        png.Write(data);

        var crc = Crc32.Finish(Crc32.Update(Crc32.Update(Crc32.Initial, typeBytes), data));
        BinaryPrimitives.WriteUInt32BigEndian(field, crc);
        png.Write(field);
    }
}
