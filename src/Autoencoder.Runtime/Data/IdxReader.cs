using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// Reads unsigned-byte IDX files (the MNIST format), raw or gzip-compressed. The whole file is
/// validated - header, sizes, exact length - and the data lands in one buffer.
/// </summary>
public static class IdxReader
{
    private const byte UnsignedByteType = 0x08;
    private const int HeaderPrefixLength = 4;
    private const int DrainBufferLength = 1 << 16;

    /// <summary>Reads an IDX file of unsigned bytes with <paramref name="dimensionCount"/> dimensions.</summary>
    /// <param name="path">The file; gzip compression is detected from its content, not its name.</param>
    /// <param name="dimensionCount">The number of dimensions the file must have (3 for images, 1 for labels).</param>
    /// <param name="maxItems">Load at most this many items (the rest is still read, to validate the file).</param>
    /// <exception cref="IdxFormatException">The file is not a valid IDX file of that shape.</exception>
    public static IdxArray Read(string path, int dimensionCount, int? maxItems = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensionCount, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensionCount, byte.MaxValue); // the magic number holds it in one byte
        if (maxItems is { } max)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(max, nameof(maxItems));
        }

        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, DrainBufferLength);
        var isGzip = StartsWithGzipMagic(file);
        using var gzip = isGzip ? new GZipStream(file, CompressionMode.Decompress, leaveOpen: true) : null;
        var reader = new PositionedReader(gzip ?? (Stream)file, path, isGzip);
        try
        {
            return Read(reader, dimensionCount, maxItems);
        }
        catch (InvalidDataException e) when (isGzip)
        {
            throw new IdxFormatException(
                path, reader.Position, $"the gzip stream is corrupt ({e.Message})", e, offsetIsDecompressed: true);
        }
    }

    /// <summary>Reads an IDX image file: [count, rows, columns] unsigned bytes.</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <param name="rows">The image height the caller expects.</param>
    /// <param name="columns">The image width the caller expects.</param>
    /// <param name="maxItems">Load at most this many images.</param>
    /// <exception cref="IdxFormatException">The file is invalid or its images are not rows × columns.</exception>
    public static IdxArray ReadImages(string path, int rows, int columns, int? maxItems = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rows);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(columns);
        var images = Read(path, dimensionCount: 3, maxItems);
        if (images.Dimensions[1] != rows || images.Dimensions[2] != columns)
        {
            throw new IdxFormatException(
                path, 8, $"expected images of {rows}×{columns} pixels, found {images.Dimensions[1]}×{images.Dimensions[2]}");
        }

        return images;
    }

    /// <summary>Reads an IDX label file: [count] unsigned bytes.</summary>
    /// <param name="path">The file, raw or gzip-compressed.</param>
    /// <param name="maxItems">Load at most this many labels.</param>
    /// <exception cref="IdxFormatException">The file is invalid.</exception>
    public static IdxArray ReadLabels(string path, int? maxItems = null) => Read(path, dimensionCount: 1, maxItems);

    private static bool StartsWithGzipMagic(FileStream file)
    {
        Span<byte> magic = stackalloc byte[2];
        var found = file.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
        file.Position = 0;
        return found == 2 && magic[0] == 0x1f && magic[1] == 0x8b;
    }

    private static IdxArray Read(PositionedReader reader, int dimensionCount, int? maxItems)
    {
        Span<byte> prefix = stackalloc byte[HeaderPrefixLength];
        reader.ReadHeader(prefix, "the 4-byte magic number");
        CheckMagic(reader, prefix, dimensionCount);

        var dimensions = new int[dimensionCount];
        Span<byte> size = stackalloc byte[4];
        for (var i = 0; i < dimensionCount; i++)
        {
            var offset = reader.Position;
            reader.ReadHeader(size, $"the size of dimension {i}");
            dimensions[i] = BinaryPrimitives.ReadInt32BigEndian(size);
            if (dimensions[i] <= 0)
            {
                throw reader.Error(offset, $"dimension {i} has size {dimensions[i]}; sizes must be positive");
            }
        }

        // Capped at every step, so the product cannot overflow however many dimensions there are.
        var dataLength = 1L;
        foreach (var dimension in dimensions)
        {
            dataLength *= dimension;
            if (dataLength > Array.MaxLength)
            {
                throw reader.Error(
                    HeaderPrefixLength, $"{Describe(dimensions)} bytes exceed the largest supported buffer ({Array.MaxLength} bytes)");
            }
        }

        var itemsInFile = dimensions[0];
        var itemSize = dataLength / itemsInFile;

        var keptItems = Math.Min(maxItems ?? itemsInFile, itemsInFile);
        var data = new byte[keptItems * itemSize];
        var dataStart = reader.Position;
        reader.ReadData(data, dataStart, dataLength, dimensions);
        reader.SkipData(dataLength - data.Length, dataStart, dataLength, dimensions);
        reader.ExpectEnd(dataLength, dimensions);

        dimensions[0] = keptItems;
        return new IdxArray(reader.Path, dimensions, itemsInFile, data);
    }

    private static void CheckMagic(PositionedReader reader, ReadOnlySpan<byte> prefix, int dimensionCount)
    {
        var expected = (UnsignedByteType << 8) | dimensionCount;
        var found = BinaryPrimitives.ReadInt32BigEndian(prefix);
        var versus = $"expected magic number 0x{expected:X8} (unsigned bytes, {dimensionCount} dimensions), found 0x{found:X8}";
        if (prefix[0] != 0 || prefix[1] != 0)
        {
            throw reader.Error(0, $"{versus}; this is not an IDX file");
        }

        if (prefix[2] != UnsignedByteType)
        {
            throw reader.Error(2, $"{versus}; element type 0x{prefix[2]:X2} ({ElementTypeName(prefix[2])}) is not supported, only 0x08 (unsigned byte)");
        }

        if (prefix[3] != dimensionCount)
        {
            throw reader.Error(3, $"{versus}; expected {dimensionCount} dimensions, found {prefix[3]}");
        }
    }

    private static string ElementTypeName(byte type) => type switch
    {
        0x08 => "unsigned byte",
        0x09 => "signed byte",
        0x0B => "int16",
        0x0C => "int32",
        0x0D => "float32",
        0x0E => "float64",
        _ => "unknown type",
    };

    internal static string Describe(int[] dimensions) => string.Join("×", dimensions);

    /// <summary>A stream wrapper that knows its position even when the stream (gzip) cannot seek.</summary>
    private sealed class PositionedReader(Stream stream, string path, bool isGzip)
    {
        public string Path { get; } = path;

        public long Position { get; private set; }

        public IdxFormatException Error(long offset, string problem) =>
            new(Path, offset, problem, offsetIsDecompressed: isGzip);

        public void ReadHeader(Span<byte> buffer, string what)
        {
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            if (read < buffer.Length)
            {
                throw Error(Position + read, $"the file ends inside the header, while reading {what}");
            }

            Position += read;
        }

        public void ReadData(Span<byte> buffer, long dataStart, long dataLength, int[] dimensions)
        {
            var read = stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
            Position += read;
            if (read < buffer.Length)
            {
                throw Truncated(dataStart, dataLength, dimensions);
            }
        }

        public void SkipData(long count, long dataStart, long dataLength, int[] dimensions)
        {
            if (count == 0)
            {
                return;
            }

            var scratch = new byte[(int)Math.Min(count, DrainBufferLength)];
            while (count > 0)
            {
                var read = stream.Read(scratch, 0, (int)Math.Min(count, scratch.Length));
                if (read == 0)
                {
                    throw Truncated(dataStart, dataLength, dimensions);
                }

                Position += read;
                count -= read;
            }
        }

        public void ExpectEnd(long dataLength, int[] dimensions)
        {
            var end = Position;
            var scratch = new byte[DrainBufferLength];
            long extra = 0;
            int read;
            while ((read = stream.Read(scratch, 0, scratch.Length)) > 0)
            {
                extra += read;
            }

            if (extra > 0)
            {
                throw Error(end, $"found {extra} trailing byte(s) after the {dataLength} data bytes the header declares ({IdxReader.Describe(dimensions)})");
            }
        }

        private IdxFormatException Truncated(long dataStart, long dataLength, int[] dimensions) =>
            Error(Position, $"the file is truncated: the header declares {IdxReader.Describe(dimensions)} = {dataLength} data bytes " +
                $"(ending at offset {dataStart + dataLength}), but the file ends after {Position - dataStart} of them");
    }
}
