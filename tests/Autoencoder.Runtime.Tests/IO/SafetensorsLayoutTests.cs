using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.Json;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>
/// Our safetensors files read by hand, as the format's specification describes them, without PyBridge: an 8-byte
/// little-endian header length, a JSON header, then the tensors' bytes. What PyTorch's safetensors.torch.load_file
/// would see.
/// </summary>
public sealed class SafetensorsLayoutTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private sealed record Entry(string Name, string Dtype, long[] Shape, long Begin, long End);

    private static (Entry[] Entries, byte[] Data) Parse(string path)
    {
        var bytes = File.ReadAllBytes(path);
        long headerLength = (long)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        using var header = JsonDocument.Parse(bytes.AsMemory(8, (int)headerLength));
        var entries = header.RootElement.EnumerateObject()
            .Where(p => p.Name != "__metadata__")
            .Select(p => new Entry(
                p.Name,
                p.Value.GetProperty("dtype").GetString()!,
                p.Value.GetProperty("shape").EnumerateArray().Select(d => d.GetInt64()).ToArray(),
                p.Value.GetProperty("data_offsets")[0].GetInt64(),
                p.Value.GetProperty("data_offsets")[1].GetInt64()))
            .ToArray();
        return (entries, bytes[(8 + (int)headerLength)..]);
    }

    [Theory]
    [MemberData(nameof(PyTorchKeys.ModelNames), MemberType = typeof(PyTorchKeys))]
    public void Header_lists_pytorch_names_dtypes_and_shapes_in_pytorch_order(string modelName)
    {
        var expected = PyTorchKeys.Of(modelName);
        using var model = PyTorchKeys.NewModel(modelName);
        string path = _dir.File("model.safetensors");

        PyTorchWeights.SaveSafetensors(model, path);

        var (entries, _) = Parse(path);
        entries.Select(e => e.Name).ShouldBe(expected.Select(k => k.Name));
        foreach (var (entry, key) in entries.Zip(expected))
        {
            entry.Dtype.ShouldBe(key.SafetensorsDtype, entry.Name);
            entry.Shape.ShouldBe(key.Shape, entry.Name);
        }
    }

    [Fact]
    public void Data_is_the_tensors_little_endian_bytes_back_to_back()
    {
        using var model = new Generated.ConvMnistModel();
        string path = _dir.File("conv.safetensors");

        PyTorchWeights.SaveSafetensors(model, path);

        var (entries, data) = Parse(path);
        long next = 0;
        foreach (var entry in entries)
        {
            entry.Begin.ShouldBe(next, $"'{entry.Name}' must start where the previous tensor ended");
            next = entry.End;
        }
        next.ShouldBe(data.LongLength, "the data must hold the tensors and nothing else");

        var bias = entries.Single(e => e.Name == "decoder0.bias");
        var fromFile = MemoryMarshal.Cast<byte, float>(data.AsSpan((int)bias.Begin, (int)(bias.End - bias.Begin))).ToArray();
        fromFile.ShouldBe(model.state_dict()["decoder0.bias"].data<float>().ToArray());
        var count = entries.Single(e => e.Name == "encoder1.num_batches_tracked");
        (count.End - count.Begin).ShouldBe(sizeof(long));
        BinaryPrimitives.ReadInt64LittleEndian(data.AsSpan((int)count.Begin)).ShouldBe(0);
    }
}
