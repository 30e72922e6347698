using System;
using System.IO;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.IO;

/// <summary>
/// Writes a module's state as <c>Module.save</c> does (TorchSharp's weights format, which <see cref="WeightsFileReader"/>
/// reads), but with its float32 tensors rounded to float16. Module.save cannot narrow: the module would have to be
/// converted, which replaces its parameters.
/// </summary>
internal static class WeightsFileWriter
{
    public static void WriteFloat16(BinaryWriter writer, nn.Module model)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(model);
        using var scope = NewDisposeScope();
        var state = model.state_dict();
        WriteCount(writer, state.Count);
        foreach (var (name, tensor) in state)
        {
            writer.Write(name);
            (tensor.dtype == ScalarType.Float32 ? tensor.detach().to(ScalarType.Float16) : tensor.detach()).Save(writer);
        }
    }

    /// <summary>The entry count, LEB128 as TorchSharp writes it (its encoder is internal; each tensor's own header is written by <c>Save</c>).</summary>
    private static void WriteCount(BinaryWriter writer, int count)
    {
        var value = (uint)count;
        while (value >= 0x80)
        {
            writer.Write((byte)(value | 0x80));
            value >>= 7;
        }
        writer.Write((byte)value);
    }
}
