using System.IO;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class WeightsRoundTripTests : System.IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Save_then_load_reproduces_outputs_exactly()
    {
        using var source = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var target = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 2);
        using var input = SyntheticImages.Create(5, seed: 3);
        using var expected = source.forward(input);
        using (var before = target.forward(input))
            TensorValues.Identical(before, expected).ShouldBeFalse();
        string path = _dir.File("model.weights");

        Weights.Save(source, path);
        Weights.Load(target, path);

        using var actual = target.forward(input);
        TensorValues.Identical(actual, expected).ShouldBeTrue();
    }

    [Fact]
    public void Save_creates_the_directory_overwrites_and_leaves_no_temporary_files()
    {
        using var first = nn.Linear(3, 2);
        using var second = nn.Linear(3, 2);
        string path = Path.Combine(_dir.Path, "nested", "deeper", "linear.weights");

        Weights.Save(first, path);
        Weights.Save(second, path);

        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe(new[] { path });
        using var loaded = nn.Linear(3, 2);
        Weights.Load(loaded, path);
        TensorValues.Identical(loaded.weight!, second.weight!).ShouldBeTrue();
    }

    [Fact]
    public void Files_are_interchangeable_with_torchsharp_module_save_and_load()
    {
        using var original = nn.Linear(4, 3);
        string ours = _dir.File("ours.weights");
        string theirs = _dir.File("theirs.weights");
        Weights.Save(original, ours);
        original.save(theirs);

        using var viaTorchSharp = nn.Linear(4, 3);
        viaTorchSharp.load(ours);
        using var viaUs = nn.Linear(4, 3);
        Weights.Load(viaUs, theirs);

        TensorValues.Identical(viaTorchSharp.weight!, original.weight!).ShouldBeTrue();
        TensorValues.Identical(viaUs.weight!, original.weight!).ShouldBeTrue();
        TensorValues.Identical(viaUs.bias!, original.bias!).ShouldBeTrue();
    }

    [Fact]
    public void Loaded_parameters_stay_trainable()
    {
        using var source = nn.Linear(2, 2);
        using var target = nn.Linear(2, 2);
        string path = _dir.File("linear.weights");
        Weights.Save(source, path);

        Weights.Load(target, path);

        target.weight!.requires_grad.ShouldBeTrue();
        using var loss = target.forward(ones(1, 2)).sum();
        loss.backward();
        target.weight.grad.ShouldNotBeNull();
    }
}
