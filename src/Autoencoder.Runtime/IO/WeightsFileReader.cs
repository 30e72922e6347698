using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Reads TorchSharp's module weights format (as written by <c>Module.save</c>) into new tensors without touching
/// any module: entry count, then per entry a name, dtype, shape and raw little-endian data, with counts and
/// dimensions LEB128-encoded. The format has no magic number, so every field is checked against the file size
/// before anything is allocated; that is what tells a weights file from arbitrary bytes.
/// </summary>
internal static class WeightsFileReader
{
    private const int MaxRank = 64;

    /// <summary>Reads every entry; created tensors belong to the caller's dispose scope.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete TorchSharp weights file.</exception>
    public static List<KeyValuePair<string, Tensor>> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        return Read(stream, $"'{path}' is not a TorchSharp weights file");
    }

    /// <summary>Reads every entry from the rest of <paramref name="stream"/>, which must end where the weights end.</summary>
    /// <param name="stream">A seekable stream positioned at the entry count.</param>
    /// <param name="notWeights">Starts the error message, e.g. "'model.bin' is not a TorchSharp weights file".</param>
    public static List<KeyValuePair<string, Tensor>> Read(Stream stream, string notWeights)
    {
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        try
        {
            var entries = ReadEntries(reader, stream.Length);
            if (stream.Position != stream.Length)
                throw NotWeights(notWeights, $"{stream.Length - stream.Position} unexpected bytes after the last entry");
            return entries;
        }
        catch (EndOfStreamException)
        {
            throw NotWeights(notWeights, "the data ends in the middle of an entry");
        }
        catch (FormatException e)
        {
            throw NotWeights(notWeights, e.Message);
        }
    }

    private static List<KeyValuePair<string, Tensor>> ReadEntries(BinaryReader reader, long fileLength)
    {
        long count = ReadLength(reader, fileLength, "entry count");
        var entries = new List<KeyValuePair<string, Tensor>>((int)Math.Min(count, 1024));
        var names = new HashSet<string>(StringComparer.Ordinal);
        for (long i = 0; i < count; i++)
        {
            string name = reader.ReadString();
            if (name.Length == 0 || !names.Add(name))
                throw new FormatException($"entry {i} has an empty or repeated name");

            long code = ReadLength(reader, fileLength, "dtype");
            if (code > sbyte.MaxValue || !Enum.IsDefined((ScalarType)(sbyte)code))
                throw new FormatException($"entry '{name}' has unknown dtype code {code}");
            var dtype = (ScalarType)(sbyte)code;

            long rank = ReadLength(reader, fileLength, "rank");
            if (rank > MaxRank)
                throw new FormatException($"entry '{name}' claims {rank} dimensions");
            var shape = new long[rank];
            long elements = 1;
            long remaining = fileLength - reader.BaseStream.Position;
            for (int d = 0; d < rank; d++)
            {
                shape[d] = ReadLength(reader, fileLength, "dimension");
                // Every element takes at least one byte, so a product beyond the file size is corrupt.
                elements = shape[d] == 0 || elements == 0 ? 0 : elements * shape[d];
                if (elements > remaining)
                    throw new FormatException($"entry '{name}' claims more data than the file holds");
            }

            var value = empty(shape, dtype);
            if (elements * value.ElementSize > fileLength - reader.BaseStream.Position)
                throw new FormatException($"entry '{name}' claims more data than the file holds");
            value.ReadBytesFromStream(reader.BaseStream);
            entries.Add(new(name, value));
        }
        return entries;
    }

    /// <summary>LEB128 non-negative integer, bounded by the file length as every count and size in the format is.</summary>
    private static long ReadLength(BinaryReader reader, long fileLength, string what)
    {
        long result = 0;
        for (int shift = 0; ; shift += 7)
        {
            if (shift > 56)
                throw new FormatException($"the {what} is not a valid length");
            byte b = reader.ReadByte();
            result |= (long)(b & 0x7f) << shift;
            if ((b & 0x80) == 0)
                break;
        }
        if (result > fileLength)
            throw new FormatException($"the {what} ({result}) is larger than the file");
        return result;
    }

    private static InvalidDataException NotWeights(string notWeights, string reason) =>
        new($"{notWeights}: {reason}.");
}
