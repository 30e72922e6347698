using System;
using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Autoencoder.Runtime.IO;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>
/// Writes a float32 tensor as a NumPy <c>.npy</c> file (format version 1.0), readable by <c>numpy.load</c> without
/// pickling: the magic <c>\x93NUMPY</c>, the version, a little-endian header length, a Python-literal header padded
/// with spaces and ended by a newline so the data start at a multiple of 64 bytes, then the values in C order,
/// little-endian.
/// </summary>
public static class NpyFile
{
    /// <summary>The data start at a multiple of this many bytes, as NumPy writes them (its ARRAY_ALIGN).</summary>
    public const int Alignment = 64;

    private static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0];

    /// <summary>Writes <paramref name="values"/> (any shape; converted to float32 on the CPU) to <paramref name="path"/>, atomically.</summary>
    public static void Write(string path, Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var bytes = Encode(values);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>The bytes of a <c>.npy</c> file holding <paramref name="values"/> as float32.</summary>
    public static byte[] Encode(Tensor values)
    {
        ArgumentNullException.ThrowIfNull(values);
        using var scope = NewDisposeScope();
        var data = values.detach().to(CPU).to_type(ScalarType.Float32).contiguous().data<float>().ToArray();
        var header = Header(values.shape);
        var file = new byte[header.Length + data.Length * sizeof(float)];
        header.CopyTo(file, 0);
        var body = file.AsSpan(header.Length);
        for (int i = 0; i < data.Length; i++)
            BinaryPrimitives.WriteSingleLittleEndian(body.Slice(i * sizeof(float)), data[i]);
        return file;
    }

    /// <summary>
    /// The magic, version and header of a float32 array of <paramref name="shape"/>, exactly as NumPy 1.x and 2.x write
    /// it: keys sorted, a trailing comma after the last item and in one-element shape tuples.
    /// </summary>
    public static byte[] Header(ReadOnlySpan<long> shape)
    {
        var tuple = new StringBuilder("(");
        for (int i = 0; i < shape.Length; i++)
        {
            if (i > 0)
                tuple.Append(", ");
            tuple.Append(shape[i].ToString(CultureInfo.InvariantCulture));
        }

        tuple.Append(shape.Length == 1 ? ",)" : ")");
        string dictionary = "{'descr': '<f4', 'fortran_order': False, 'shape': " + tuple + ", }";
        // NumPy pads with ARRAY_ALIGN - (prefix + text + newline) % ARRAY_ALIGN spaces: a full 64 when already aligned.
        int unpadded = Magic.Length + sizeof(ushort) + dictionary.Length + 1;
        int padding = Alignment - unpadded % Alignment;
        string text = dictionary + new string(' ', padding) + "\n";
        if (text.Length > ushort.MaxValue)
            throw new ArgumentException($"A {shape.Length}-dimensional shape does not fit a version 1.0 header.", nameof(shape));

        var header = new byte[Magic.Length + sizeof(ushort) + text.Length];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(Magic.Length), (ushort)text.Length);
        Encoding.ASCII.GetBytes(text, header.AsSpan(Magic.Length + sizeof(ushort)));
        return header;
    }
}
