using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using Autoencoder.Runtime.Tests.Generated;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using TorchSharp.PyBridge;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>Files that cannot be loaded fail with an exception that names the problem, and the module stays as it was.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class PyTorchWeightsLoadErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static nn.Module Mlp(int hidden, int outputs) => nn.Sequential(nn.Linear(4, hidden), nn.Linear(hidden, outputs));

    private string Saved(PyTorchFormat format, nn.Module model, string name = "saved")
    {
        string path = _dir.File(name + format.Extension);
        format.Save(model, path);
        return path;
    }

    /// <summary>Loads expecting <typeparamref name="TError"/>, and checks the module's state did not change.</summary>
    private static TError LoadFails<TError>(PyTorchFormat format, nn.Module model, string path) where TError : Exception
    {
        using var before = ModuleState.Of(model);
        var error = Should.Throw<TError>(() => format.Load(model, path));
        before.ShouldEqual(model, "loading failed, so nothing may change");
        return error;
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Missing_file_is_named(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var model = Mlp(4, 3);
        string path = _dir.File("absent" + format.Extension);

        var error = LoadFails<FileNotFoundException>(format, model, path);

        error.Message.ShouldContain(path);
        error.FileName.ShouldBe(path);
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_text_file_is_rejected(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var model = Mlp(4, 3);
        string path = _dir.File("notes" + format.Extension);
        File.WriteAllText(path, "These are not weights, just some text that happens to be here.");

        var error = LoadFails<InvalidDataException>(format, model, path);

        error.Message.ShouldStartWith($"'{path}' {format.Rejection}: ");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void An_empty_file_is_rejected(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var model = Mlp(4, 3);
        string path = _dir.File("empty" + format.Extension);
        File.WriteAllBytes(path, []);

        LoadFails<InvalidDataException>(format, model, path).Message.ShouldContain(format.Rejection);
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_file_truncated_anywhere_is_rejected_and_nothing_is_loaded(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var saved = new ConvMnistModel();
        using var model = new ConvMnistModel();
        var bytes = File.ReadAllBytes(Saved(format, saved));
        string path = _dir.File("truncated" + format.Extension);

        // In the length, in the header or the zip's first record, in the data, and one byte short.
        foreach (int length in new[] { 1, 9, 60, bytes.Length / 2, bytes.Length - 1 })
        {
            File.WriteAllBytes(path, bytes[..length]);

            var error = LoadFails<InvalidDataException>(format, model, path);

            error.Message.ShouldContain(path, customMessage: $"cut to {length} bytes");
            error.Message.ShouldContain(format.Rejection, customMessage: $"cut to {length} bytes");
        }
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void The_other_formats_file_is_rejected(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        var other = format == PyTorchFormat.Safetensors ? PyTorchFormat.StateDict : PyTorchFormat.Safetensors;
        using var model = Mlp(4, 3);
        string path = _dir.File("other" + format.Extension);
        other.Save(model, path);

        LoadFails<InvalidDataException>(format, model, path).Message.ShouldContain(format.Rejection);
    }

    [Fact]
    public void Corrupt_bytes_inside_a_state_dict_record_are_rejected()
    {
        using var saved = new ClassicMnistModel();
        using var model = new ClassicMnistModel();
        string path = Saved(PyTorchFormat.StateDict, saved);
        var bytes = File.ReadAllBytes(path);
        // The middle of the file is inside encoder1.weight's or decoder0.weight's compressed record.
        for (int i = bytes.Length / 2; i < bytes.Length / 2 + 16; i++)
            bytes[i] ^= 0x5A;
        File.WriteAllBytes(path, bytes);

        LoadFails<InvalidDataException>(PyTorchFormat.StateDict, model, path)
            .Message.ShouldContain(PyTorchFormat.StateDict.Rejection);
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_shape_mismatch_names_the_parameter_and_both_shapes_and_loads_nothing(string formatName)
    {
        // The first layer matches, so a loader that copied entry by entry would have overwritten it.
        var format = PyTorchFormat.Named(formatName);
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 2);
        string path = Saved(format, saved);

        var error = LoadFails<InvalidOperationException>(format, model, path);

        error.Message.ShouldBe(
            $"Weights file '{path}' does not match the module: parameter '1.weight' is [3, 4] Float32 in the file " +
            "but [2, 4] Float32 in the module. Nothing was loaded.");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_parameter_missing_from_the_file_is_named(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var saved = nn.Sequential(nn.Linear(4, 4));
        using var model = Mlp(4, 3);

        var error = LoadFails<InvalidOperationException>(format, model, Saved(format, saved));

        error.Message.ShouldContain("module parameter '1.weight' [3, 4] Float32 is missing from the file");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_parameter_the_module_lacks_is_named(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var saved = nn.Sequential(nn.Linear(4, 4), nn.Linear(4, 3, hasBias: false));
        using var model = nn.Sequential(nn.Linear(4, 4));

        var error = LoadFails<InvalidOperationException>(format, model, Saved(format, saved));

        error.Message.ShouldContain("it has parameter '1.weight' [3, 4] Float32, which the module does not have");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void A_dtype_mismatch_is_named_and_nothing_is_converted(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 3);
        model.to(ScalarType.Float64);

        var error = LoadFails<InvalidOperationException>(format, model, Saved(format, saved));

        error.Message.ShouldContain("parameter '0.weight' is [4, 4] Float32 in the file but [4, 4] Float64 in the module");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Another_generated_models_weights_are_refused(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var saved = new ClassicMnistModel();
        using var model = new ConvMnistModel();

        var error = LoadFails<InvalidOperationException>(format, model, Saved(format, saved));

        error.Message.ShouldContain("does not match the module");
    }

    [Fact]
    public void A_batch_norm_without_num_batches_tracked_is_refused()
    {
        // Files from PyTorch before 0.4.1 lack the counter; PyTorch fills it in, we ask for an exact match.
        using var saved = new ConvMnistModel();
        using var model = new ConvMnistModel();
        string path = _dir.File("old.safetensors");
        using (var stream = File.Create(path))
        {
            var state = saved.state_dict();
            state.Remove("encoder1.num_batches_tracked");
            Safetensors.SaveStateDict(stream, state);
        }

        var error = LoadFails<InvalidOperationException>(PyTorchFormat.Safetensors, model, path);

        error.Message.ShouldContain("module parameter 'encoder1.num_batches_tracked' [] Int64 is missing from the file");
    }

    [Fact]
    public void A_checkpoint_dictionary_is_not_a_state_dict()
    {
        using var model = Mlp(4, 3);
        string path = _dir.File("checkpoint.pt");
        using (var stream = File.Create(path))
        {
            var checkpoint = new Dictionary<string, object> { ["model"] = model.state_dict() };
            PyTorchPickler.PickleStateDict(stream, checkpoint);
        }

        var error = LoadFails<InvalidDataException>(PyTorchFormat.StateDict, model, path);

        error.Message.ShouldContain("its entry 'model' is Hashtable, not a tensor");
        error.Message.ShouldContain("save model.state_dict() itself");
    }

    /// <summary>Safetensors headers that PyBridge would trust: each is refused before any tensor is allocated.</summary>
    [Theory]
    [InlineData("[1, 2]", 0, "the header is not a JSON object")]
    [InlineData("{\"w\": {\"dtype\": \"F8_E4M3\", \"shape\": [1], \"data_offsets\": [0, 1]}}", 1,
        "tensor 'w' has dtype 'F8_E4M3'; PyBridge reads F64, F32, F16, BF16, I64, I32, I16, I8, U8 and BOOL")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1000000000000, 1000000000000], \"data_offsets\": [0, 4]}}", 4,
        "tensor 'w' claims more data than the file holds")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}", 4,
        "tensor 'w' has a dimension that is not a non-negative integer")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 4]}}", 8,
        "tensor 'w' spans 4 bytes but its dtype and shape need 8")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}", 4,
        "tensor 'w' ends at data byte 8 but the file holds only 4")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 0]}}", 4, "tensor 'w' has no valid data_offsets")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, \"v\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4,
        "two tensors claim data byte 0")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 8,
        "the tensors cover 4 data bytes but the file holds 8")]
    [InlineData("{\"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, \"w\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}}", 4,
        "the header lists 'w' twice")]
    public void A_safetensors_header_that_does_not_describe_the_file_is_rejected(string header, int dataBytes, string reason)
    {
        using var model = Mlp(4, 3);
        string path = _dir.File("crafted.safetensors");
        var json = Encoding.UTF8.GetBytes(header);
        File.WriteAllBytes(path, [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[dataBytes]]);

        var error = LoadFails<InvalidDataException>(PyTorchFormat.Safetensors, model, path);

        error.Message.ShouldBe($"'{path}' is not a safetensors file: {reason}.");
    }
}
