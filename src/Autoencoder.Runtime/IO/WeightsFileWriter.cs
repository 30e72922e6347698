using System;
using System.IO;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Writes a module's state in TorchSharp's weights format (the one <see cref="WeightsFileReader"/> reads and
/// <c>Module.save</c> writes), optionally with its float32 tensors rounded to float16. Module.save cannot narrow: the
/// module would have to be converted, which replaces its parameters.
/// </summary>
internal static class WeightsFileWriter
{
    public static void Write(BinaryWriter writer, nn.Module model, WeightStorage storage)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        WriteLength(writer, state.Count);
        foreach (var (name, tensor) in state)
        {
            var value = storage == WeightStorage.Float16 && tensor.dtype == ScalarType.Float32
                ? tensor.detach().to(ScalarType.Float16)
                : tensor.detach();
            writer.Write(name);
            WriteLength(writer, (long)value.dtype);
            WriteLength(writer, value.shape.Length);
            foreach (var size in value.shape)
                WriteLength(writer, size);
            writer.Flush();
            value.contiguous().cpu().WriteBytesToStream(writer.BaseStream);
        }
    }

    /// <summary>LEB128, as the format counts and sizes everything.</summary>
    private static void WriteLength(BinaryWriter writer, long value)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value);
        do
        {
            var b = (byte)(value & 0x7f);
            value >>= 7;
            writer.Write(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
    }
}
