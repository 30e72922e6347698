using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;

namespace Autoencoder.Runtime.Tests.Data;

/// <summary>Builds IDX file contents byte by byte, so tests can also build broken ones.</summary>
internal static class IdxBytes
{
    public static byte[] Header(uint magic, params int[] dimensions)
    {
        var header = new byte[4 + (4 * dimensions.Length)];
        BinaryPrimitives.WriteUInt32BigEndian(header, magic);
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        return header;
    }

    /// <summary>A valid unsigned-byte IDX file whose data bytes are 0, 1, 2, ... (mod 256).</summary>
    public static byte[] Valid(params int[] dimensions)
    {
        var length = dimensions.Aggregate(1, (p, d) => p * d);
        var data = Enumerable.Range(0, length).Select(i => (byte)i);
        return Header(0x00000800u | (uint)dimensions.Length, dimensions).Concat(data).ToArray();
    }

    public static byte[] Labels(params byte[] labels) =>
        Header(0x00000801u, labels.Length).Concat(labels).ToArray();

    public static byte[] Gzip(byte[] raw)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest))
        {
            gzip.Write(raw);
        }

        return buffer.ToArray();
    }
}
