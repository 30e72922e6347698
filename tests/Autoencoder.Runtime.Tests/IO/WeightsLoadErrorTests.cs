using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class WeightsLoadErrorTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static nn.Module Mlp(int hidden, int outputs) => nn.Sequential(nn.Linear(4, hidden), nn.Linear(hidden, outputs));

    private string SavedFile(nn.Module model, string name = "saved.weights")
    {
        string path = _dir.File(name);
        Weights.Save(model, path);
        return path;
    }

    /// <summary>Loads expecting <typeparamref name="TError"/>, and checks the module's state did not change.</summary>
    private static TError LoadFails<TError>(nn.Module model, string path) where TError : Exception
    {
        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var error = Should.Throw<TError>(() => Weights.Load(model, path));
        foreach (var (name, value) in model.state_dict())
            TensorValues.Identical(value, before[name]).ShouldBeTrue($"'{name}' changed although loading failed");
        foreach (var copy in before.Values)
            copy.Dispose();
        return error;
    }

    [Fact]
    public void Missing_file_is_named()
    {
        using var model = Mlp(4, 3);
        string path = _dir.File("absent.weights");

        var error = LoadFails<FileNotFoundException>(model, path);

        error.Message.ShouldContain(path);
        error.FileName.ShouldBe(path);
    }

    [Fact]
    public void A_text_file_is_not_a_weights_file()
    {
        using var model = Mlp(4, 3);
        string path = _dir.File("notes.txt");
        File.WriteAllText(path, "These are not weights, just some text that happens to be here.");

        var error = LoadFails<InvalidDataException>(model, path);

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("is not a TorchSharp weights file");
    }

    [Fact]
    public void An_empty_file_is_not_a_weights_file()
    {
        using var model = Mlp(4, 3);
        string path = _dir.File("empty.weights");
        File.WriteAllBytes(path, Array.Empty<byte>());

        LoadFails<InvalidDataException>(model, path).Message.ShouldContain("ends in the middle");
    }

    [Fact]
    public void A_truncated_file_is_rejected_and_nothing_is_loaded()
    {
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 3);
        string path = SavedFile(saved);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..^5]);

        LoadFails<InvalidDataException>(model, path).Message.ShouldContain(path);
    }

    [Fact]
    public void Trailing_bytes_are_rejected()
    {
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 3);
        string path = SavedFile(saved);
        File.AppendAllText(path, "junk");

        LoadFails<InvalidDataException>(model, path).Message.ShouldContain("4 unexpected bytes");
    }

    [Fact]
    public void A_shape_mismatch_names_the_parameter_and_both_shapes_and_loads_nothing()
    {
        // The first layer matches, so a loader that copied entry by entry would have overwritten it.
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 2);
        string path = SavedFile(saved);

        var error = LoadFails<InvalidOperationException>(model, path);

        error.Message.ShouldContain(path);
        error.Message.ShouldContain("parameter '1.weight' is [3, 4] Float32 in the file but [2, 4] Float32 in the module");
    }

    [Fact]
    public void A_parameter_missing_from_the_file_is_named()
    {
        using var saved = nn.Sequential(nn.Linear(4, 4));
        using var model = Mlp(4, 3);

        var error = LoadFails<InvalidOperationException>(model, SavedFile(saved));

        error.Message.ShouldContain("module parameter '1.weight' [3, 4] Float32 is missing from the file");
    }

    [Fact]
    public void A_parameter_the_module_lacks_is_named()
    {
        using var saved = Mlp(4, 3);
        using var model = nn.Sequential(nn.Linear(4, 4));

        var error = LoadFails<InvalidOperationException>(model, SavedFile(saved));

        error.Message.ShouldContain("it has parameter '1.weight' [3, 4] Float32, which the module does not have");
    }

    [Fact]
    public void A_dtype_mismatch_is_named()
    {
        using var saved = Mlp(4, 3);
        using var model = Mlp(4, 3);
        model.to(ScalarType.Float64);

        var error = LoadFails<InvalidOperationException>(model, SavedFile(saved));

        error.Message.ShouldContain("parameter '0.weight' is [4, 4] Float32 in the file but [4, 4] Float64 in the module");
    }
}
