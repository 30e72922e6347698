using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Text;
using Shouldly;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>
/// An independent, strict PNG decoder for 8-bit grayscale/RGB (and RGBA, which other encoders write), used to check what the encoder wrote:
/// chunk layout, CRCs (computed bit by bit, independently of libpng), IHDR fields, zlib data
/// and all five row filters.
/// </summary>
internal static class PngReader
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    public sealed record Image(int Width, int Height, byte ColorType, int Channels, byte[] Pixels, IReadOnlyList<string> ChunkTypes, IReadOnlyList<byte> Filters)
    {
        public byte[] Pixel(int x, int y) => Pixels.AsSpan(((y * Width) + x) * Channels, Channels).ToArray();
    }

    public static Image Decode(byte[] png)
    {
        png.AsSpan(0, 8).ToArray().ShouldBe(Signature);
        var chunks = ReadChunks(png);
        var types = chunks.ConvertAll(c => c.Type);
        types[0].ShouldBe("IHDR");
        types[^1].ShouldBe("IEND");
        chunks[^1].Data.Length.ShouldBe(0);

        var ihdr = chunks[0].Data;
        ihdr.Length.ShouldBe(13);
        var width = BinaryPrimitives.ReadInt32BigEndian(ihdr);
        var height = BinaryPrimitives.ReadInt32BigEndian(ihdr.AsSpan(4));
        ihdr[8].ShouldBe((byte)8, "bit depth");
        var channels = ihdr[9] switch { 0 => 1, 2 => 3, 6 => 4, var t => throw new ShouldAssertException($"colour type {t}") };
        ihdr.AsSpan(10).ToArray().ShouldBe(new byte[3], "compression, filter and interlace methods");

        using var idat = new MemoryStream();
        foreach (var chunk in chunks)
        {
            if (chunk.Type == "IDAT")
            {
                idat.Write(chunk.Data);
            }
        }

        idat.Position = 0;
        using var zlib = new ZLibStream(idat, CompressionMode.Decompress);
        using var filtered = new MemoryStream();
        zlib.CopyTo(filtered);
        var (pixels, filters) = Unfilter(filtered.ToArray(), width, height, channels);
        return new Image(width, height, ihdr[9], channels, pixels, types, filters);
    }

    public static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
            }
        }

        return ~crc;
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        var at = 8;
        while (at < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(at));
            var typeAndData = png.AsSpan(at + 4, 4 + length);
            var type = Encoding.ASCII.GetString(typeAndData[..4]);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(at + 8 + length));
            crc.ShouldBe(Crc32(typeAndData), $"CRC of {type} chunk at offset {at}");
            chunks.Add((type, typeAndData[4..].ToArray()));
            at += 12 + length;
        }

        at.ShouldBe(png.Length, "chunks must end exactly at the end of the file");
        return chunks;
    }

    private static (byte[] Pixels, List<byte> Filters) Unfilter(byte[] data, int width, int height, int bpp)
    {
        var stride = width * bpp;
        data.Length.ShouldBe(height * (1 + stride), "filtered data length");
        var pixels = new byte[height * stride];
        var filters = new List<byte>();
        for (var y = 0; y < height; y++)
        {
            var filter = data[y * (1 + stride)];
            filters.Add(filter);
            for (var x = 0; x < stride; x++)
            {
                var raw = data[(y * (1 + stride)) + 1 + x];
                int a = x >= bpp ? pixels[(y * stride) + x - bpp] : 0;
                int b = y > 0 ? pixels[((y - 1) * stride) + x] : 0;
                int c = x >= bpp && y > 0 ? pixels[((y - 1) * stride) + x - bpp] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new ShouldAssertException($"filter type {filter} in row {y}"),
                };
                pixels[(y * stride) + x] = (byte)(raw + predictor);
            }
        }

        return (pixels, filters);
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
