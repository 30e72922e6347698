using System;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>
/// Our torch.save state_dict files opened without PyBridge: as a zip archive, and, where python3 exists, by a
/// standard-library unpickler (list_state_dict.py) that sees what torch.load would.
/// </summary>
public sealed class StateDictLayoutTests : IDisposable
{
    /// <summary>
    /// Every global the pickle may name: all four are on the allow-list of torch.load(weights_only=True), the
    /// default since PyTorch 2.6, so the files load without weights_only=False.
    /// </summary>
    private static readonly string[] AllowedGlobals =
    [
        "collections.OrderedDict", "torch._utils._rebuild_tensor_v2", "torch.FloatStorage", "torch.LongStorage",
    ];

    private static readonly string Script =
        Path.Combine(RepoPaths.Root, "tests", "Autoencoder.Runtime.Tests", "IO", "list_state_dict.py");

    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private string Saved(string modelName)
    {
        using var model = PyTorchKeys.NewModel(modelName);
        string path = _dir.File(modelName + ".pt");
        PyTorchWeights.SaveStateDict(model, path);
        return path;
    }

    [Fact]
    public void Archive_holds_a_version_the_pickle_and_one_record_per_tensor_under_one_folder()
    {
        string path = Saved(nameof(PyTorchKeys.ConvWithBatchNorm));

        using var zip = ZipFile.OpenRead(path);
        var names = zip.Entries.Select(e => e.FullName).ToArray();
        // torch.load takes the archive's name from the first entry's folder and looks everything up under it.
        names.ShouldAllBe(name => name.StartsWith("model/"));
        names.ShouldContain("model/data.pkl");
        names.Count(name => name.StartsWith("model/data/")).ShouldBe(PyTorchKeys.ConvWithBatchNorm.Length);
        using (var version = new StreamReader(zip.GetEntry("model/version")!.Open()))
            version.ReadToEnd().Trim().ShouldBe("3");

        string pickle = ReadAll(zip.GetEntry("model/data.pkl")!);
        foreach (var key in PyTorchKeys.ConvWithBatchNorm)
            pickle.ShouldContain(key.Name);
        pickle.ShouldContain("torch._utils\n_rebuild_tensor_v2\n");
        pickle.ShouldContain("torch\nFloatStorage\n");
        pickle.ShouldContain("torch\nLongStorage\n");
    }

    private static string ReadAll(ZipArchiveEntry entry)
    {
        using var stream = entry.Open();
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return Encoding.Latin1.GetString(bytes.ToArray());
    }

    [Python3Theory]
    [MemberData(nameof(PyTorchKeys.ModelNames), MemberType = typeof(PyTorchKeys))]
    public void A_standard_library_unpickler_sees_pytorch_names_dtypes_and_shapes_in_pytorch_order(string modelName)
    {
        var expected = PyTorchKeys.Of(modelName);

        using var listing = JsonDocument.Parse(Python3.Run(Script, Saved(modelName)));

        var root = listing.RootElement;
        root.GetProperty("globals").EnumerateArray().Select(g => g.GetString()).ShouldBeSubsetOf(AllowedGlobals);
        var tensors = root.GetProperty("tensors").EnumerateArray().ToArray();
        tensors.Select(t => t.GetProperty("name").GetString()).ShouldBe(expected.Select(k => k.Name));
        foreach (var (tensor, key) in tensors.Zip(expected))
        {
            long[] shape = Longs(tensor.GetProperty("shape"));
            long numel = shape.Aggregate(1L, (product, size) => product * size);
            shape.ShouldBe(key.Shape, key.Name);
            tensor.GetProperty("storage").GetString().ShouldBe(key.Storage, key.Name);
            Longs(tensor.GetProperty("stride")).ShouldBe(ContiguousStrides(shape), key.Name);
            tensor.GetProperty("offset").GetInt64().ShouldBe(0, key.Name);
            tensor.GetProperty("numel").GetInt64().ShouldBe(numel, key.Name);
            long elementSize = key.Storage == "LongStorage" ? sizeof(long) : sizeof(float);
            tensor.GetProperty("record_bytes").GetInt64().ShouldBe(numel * elementSize, key.Name);
            // Like PyTorch's state_dict(), whose tensors are detached.
            tensor.GetProperty("requires_grad").GetBoolean().ShouldBeFalse(key.Name);
        }
    }

    private static long[] Longs(JsonElement array) => array.EnumerateArray().Select(e => e.GetInt64()).ToArray();

    private static long[] ContiguousStrides(IReadOnlyList<long> shape)
    {
        var strides = new long[shape.Count];
        long stride = 1;
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }
}
