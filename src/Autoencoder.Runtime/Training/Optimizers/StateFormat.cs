using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// The binary pieces of an optimizer's saved state, byte for byte as TorchSharp writes them: counts and tensor headers
/// as unsigned LEB128, a tensor as its dtype code, rank, sizes and then its raw little-endian elements.
/// </summary>
internal static class StateFormat
{
    public static void WriteCount(BinaryWriter writer, long value)
    {
        ulong rest = checked((ulong)value);
        while (rest >= 0x80)
        {
            writer.Write((byte)(rest | 0x80));
            rest >>= 7;
        }
        writer.Write((byte)rest);
    }

    public static long ReadCount(BinaryReader reader)
    {
        ulong value = 0;
        for (int shift = 0; shift < 63; shift += 7)
        {
            byte b = reader.ReadByte();
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
                return (long)value;
        }
        throw new InvalidDataException("a count is longer than 9 bytes");
    }

    /// <summary>TorchSharp's own tensor writer: the format <see cref="ReadTensor"/> reads.</summary>
    public static void WriteTensor(BinaryWriter writer, Tensor tensor) => tensor.Save(writer);

    /// <summary>Reads a tensor that must have <paramref name="like"/>'s dtype and shape, onto its device.</summary>
    public static Tensor ReadTensor(BinaryReader reader, Tensor like, string what, string source)
    {
        var dtype = (ScalarType)ReadCount(reader);
        long rank = ReadCount(reader);
        if (rank > 64)
            throw Bad(source, $"{what} claims {rank} dimensions");
        var shape = new long[rank];
        for (int i = 0; i < rank; i++)
            shape[i] = ReadCount(reader);
        if (dtype != like.dtype || !shape.SequenceEqual(like.shape))
            throw Bad(source, $"{what} is {dtype} [{string.Join(", ", shape)}], and its parameter is {like.dtype} [{string.Join(", ", like.shape)}]");

        long byteCount = like.NumberOfElements * like.ElementSize;
        byte[] data = reader.ReadBytes(checked((int)byteCount));
        if (data.Length != byteCount)
            throw new EndOfStreamException();
        // Detached: the state outlives any dispose scope the caller has open.
        var result = empty(shape, dtype).DetachFromDisposeScope();
        result.bytes = data;
        if (like.device_type == DeviceType.CPU)
            return result;
        using (result)
            return result.to(like.device).DetachFromDisposeScope();
    }

    public static void WriteOptionalTensor(BinaryWriter writer, Tensor? tensor)
    {
        writer.Write(tensor is not null);
        if (tensor is not null)
            WriteTensor(writer, tensor);
    }

    public static Tensor? ReadOptionalTensor(BinaryReader reader, Tensor like, string what, string source) =>
        reader.ReadBoolean() ? ReadTensor(reader, like, what, source) : null;

    /// <summary>A setting in the stream must equal this optimizer's; a resumed run with other settings would not be the same run.</summary>
    public static void RequireSame(string source, int group, string setting, double inFile, double mine)
    {
        if (inFile.Equals(mine))
            return;
        throw Bad(source, FormattableString.Invariant($"parameter group {group} was saved with {setting} = {inFile}, and this optimizer has {mine}"));
    }

    public static void RequireSame(string source, int group, string setting, bool inFile, bool mine)
    {
        if (inFile == mine)
            return;
        throw Bad(source, FormattableString.Invariant($"parameter group {group} was saved with {setting} = {inFile}, and this optimizer has {mine}"));
    }

    public static InvalidDataException Bad(string source, string reason) =>
        new($"{source} cannot be restored: {reason}. The optimizer was left as it was.");
}
