using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Reads a safetensors file into new tensors without touching any module: an 8-byte little-endian header length, a
/// JSON header giving each tensor's dtype, shape and [begin, end) byte range in the data that follows, then the data,
/// which the ranges must cover exactly (no holes, no overlaps, nothing after). PyBridge does the reading, but it trusts
/// the header: a corrupt length has it allocate up to 2 GB for the JSON, a corrupt shape has it allocate the tensor
/// before comparing sizes, and overlapping ranges would read one tensor's bytes into another. So the header is
/// checked against the file size first, as <see cref="WeightsFileReader"/> does for TorchSharp's format.
/// </summary>
internal static class SafetensorsFileReader
{
    private const string MetadataKey = "__metadata__";
    private const int MaxRank = 64;
    // The safetensors library refuses larger headers; so do we, before allocating one.
    private const ulong MaxHeaderLength = 100_000_000;

    /// <summary>Reads every tensor, in the header's order; created tensors belong to the caller's dispose scope.</summary>
    /// <exception cref="InvalidDataException">The file is not a complete safetensors file.</exception>
    public static List<KeyValuePair<string, Tensor>> Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        try
        {
            CheckHeader(stream);
            stream.Position = 0;
            return [.. Safetensors.LoadStateDict(stream, leaveOpen: true)];
        }
        // The header checks throw FormatException, which this also turns into InvalidDataException.
        catch (Exception e) when (PyBridgeFailure.MeansMalformedFile(e))
        {
            throw NotSafetensors(path, e.Message);
        }
    }

    private static void CheckHeader(Stream stream)
    {
        long fileLength = stream.Length;
        if (fileLength < sizeof(ulong))
            throw new FormatException($"it is {fileLength} bytes long, too short for the 8-byte header length");
        Span<byte> lengthBytes = stackalloc byte[sizeof(ulong)];
        stream.ReadExactly(lengthBytes);
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(lengthBytes);
        if (headerLength > MaxHeaderLength)
            throw new FormatException(
                $"the header length ({headerLength} bytes) is over the format's limit of {MaxHeaderLength}");
        long rest = fileLength - sizeof(ulong);
        if (headerLength > (ulong)rest)
            throw new FormatException(
                $"the header length ({headerLength} bytes) is more than the rest of the file ({rest} bytes)");
        var json = new byte[headerLength];
        stream.ReadExactly(json);
        long dataLength = rest - (long)headerLength;

        using var header = ParseJson(json);
        if (header.RootElement.ValueKind != JsonValueKind.Object)
            throw new FormatException("the header is not a JSON object");
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ranges = new List<(long Begin, long End)>();
        foreach (var entry in header.RootElement.EnumerateObject())
        {
            if (!names.Add(entry.Name))
                throw new FormatException($"the header lists '{entry.Name}' twice");
            if (entry.Name == MetadataKey)
            {
                if (entry.Value.ValueKind != JsonValueKind.Object)
                    throw new FormatException($"'{MetadataKey}' is not a JSON object");
                continue;
            }
            ranges.Add(CheckEntry(entry.Name, entry.Value, dataLength));
        }

        ranges.Sort();
        long covered = 0;
        foreach (var (begin, end) in ranges)
        {
            if (begin != covered)
                throw new FormatException(begin > covered
                    ? $"data bytes {covered}..{begin} belong to no tensor"
                    : $"two tensors claim data byte {begin}");
            covered = end;
        }
        if (covered != dataLength)
            throw new FormatException($"the tensors cover {covered} data bytes but the file holds {dataLength}");
    }

    private static JsonDocument ParseJson(byte[] json)
    {
        try
        {
            return JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the header is not JSON ({e.Message})");
        }
    }

    /// <summary>Checks one tensor's entry and returns its byte range within the data.</summary>
    private static (long Begin, long End) CheckEntry(string name, JsonElement entry, long dataLength)
    {
        if (entry.ValueKind != JsonValueKind.Object)
            throw new FormatException($"tensor '{name}' is not described by a JSON object");

        string? dtype = entry.TryGetProperty("dtype", out var d) && d.ValueKind == JsonValueKind.String
            ? d.GetString()
            : null;
        long bytes = ElementSize(dtype);
        if (bytes == 0)
            throw new FormatException(
                $"tensor '{name}' has dtype '{dtype}'; PyBridge reads F64, F32, F16, BF16, I64, I32, I16, I8, U8 and BOOL");

        if (!entry.TryGetProperty("shape", out var shape) || shape.ValueKind != JsonValueKind.Array
            || shape.GetArrayLength() > MaxRank)
            throw new FormatException($"tensor '{name}' has no valid shape");
        foreach (var dimension in shape.EnumerateArray())
        {
            if (!TryGetLength(dimension, out long size))
                throw new FormatException($"tensor '{name}' has a dimension that is not a non-negative integer");
            // Checked before multiplying, so the product never overflows: a shape beyond the data is corrupt anyway.
            if (bytes != 0 && size > dataLength / bytes)
                throw new FormatException($"tensor '{name}' claims more data than the file holds");
            bytes *= size;
        }

        if (!entry.TryGetProperty("data_offsets", out var offsets) || offsets.ValueKind != JsonValueKind.Array
            || offsets.GetArrayLength() != 2
            || !TryGetLength(offsets[0], out long begin) || !TryGetLength(offsets[1], out long end) || end < begin)
            throw new FormatException($"tensor '{name}' has no valid data_offsets");
        if (end > dataLength)
            throw new FormatException($"tensor '{name}' ends at data byte {end} but the file holds only {dataLength}");
        if (end - begin != bytes)
            throw new FormatException($"tensor '{name}' spans {end - begin} bytes but its dtype and shape need {bytes}");
        return (begin, end);
    }

    private static bool TryGetLength(JsonElement element, out long value)
    {
        value = 0;
        return element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value) && value >= 0;
    }

    /// <summary>Bytes per element of the dtypes PyBridge reads; 0 for any other.</summary>
    private static long ElementSize(string? dtype) => dtype switch
    {
        "F64" or "I64" => 8,
        "F32" or "I32" => 4,
        "F16" or "BF16" or "I16" => 2,
        "I8" or "U8" or "BOOL" => 1,
        _ => 0,
    };

    private static InvalidDataException NotSafetensors(string path, string reason) =>
        new($"'{path}' is not a safetensors file: {reason.TrimEnd('.')}.");
}
