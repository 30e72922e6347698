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

/// <summary>Model files that store float32 weights as float16 (weights that ship): half the size, widened on load.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ModelFileStorageTests : System.IDisposable
{
    private const string Name = "tiny";
    private const string Fingerprint = "f00d";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Float16_storage_halves_the_file_and_loads_the_rounded_weights()
    {
        using var source = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var target = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 2);
        string full = _dir.File("full.aem"), half = _dir.File("half.aem");

        ModelFile.Save(full, Name, Fingerprint, source);
        ModelFile.Save(half, Name, Fingerprint, source, WeightStorage.Float16);
        ModelFile.Load(half, Name, Fingerprint, target);

        new FileInfo(half).Length.ShouldBeLessThan(new FileInfo(full).Length * 6 / 10);
        var loaded = target.state_dict();
        foreach (var (name, value) in source.state_dict())
        {
            loaded[name].dtype.ShouldBe(ScalarType.Float32, name);
            using var rounded = value.to(ScalarType.Float16).to(ScalarType.Float32);
            TensorValues.Identical(loaded[name], rounded).ShouldBeTrue(name);
            using var error = (loaded[name] - value).abs().max();
            using var scale = value.abs().max();
            error.item<float>().ShouldBeLessThanOrEqualTo(scale.item<float>() / 1024, name);
        }
    }

    [Fact]
    public void Float32_storage_stays_exact()
    {
        using var source = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var target = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 2);
        string full = _dir.File("full.aem");

        ModelFile.Save(full, Name, Fingerprint, source);
        ModelFile.Load(full, Name, Fingerprint, target);

        var loaded = target.state_dict();
        source.state_dict().All(p => TensorValues.Identical(loaded[p.Key], p.Value)).ShouldBeTrue();
    }

    [Fact]
    public void A_damaged_float16_file_is_refused_and_the_module_keeps_its_weights()
    {
        using var source = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var target = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 2);
        using var before = target.state_dict().First().Value.clone();
        string half = _dir.File("half.aem");
        ModelFile.Save(half, Name, Fingerprint, source, WeightStorage.Float16);
        var bytes = File.ReadAllBytes(half);
        File.WriteAllBytes(half, bytes[..(bytes.Length / 2)]);

        Should.Throw<ModelFileException>(() => ModelFile.Load(half, Name, Fingerprint, target)).Message.ShouldContain("damaged");
        TensorValues.Identical(target.state_dict().First().Value, before).ShouldBeTrue();
    }

    [Fact]
    public void Float16_weights_widen_only_into_float32_tensors()
    {
        using var source = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var target = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 2);
        target.to(ScalarType.Float64);
        using var before = target.state_dict().First().Value.clone();
        string half = _dir.File("half.aem");
        ModelFile.Save(half, Name, Fingerprint, source, WeightStorage.Float16);

        Should.Throw<ModelFileException>(() => ModelFile.Load(half, Name, Fingerprint, target)).Message.ShouldContain("Float16 in the file but");
        TensorValues.Identical(target.state_dict().First().Value, before).ShouldBeTrue();
    }
}
