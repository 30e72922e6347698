using System;
using System.IO;
using Autoencoder.Runtime.Tests.Generated;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.IO;

/// <summary>Generated models saved in each PyTorch format and loaded into freshly initialised ones.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class PyTorchWeightsRoundTripTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static ClassicMnistModel DenseModel(long seed)
    {
        manual_seed(seed);
        var model = new ClassicMnistModel();
        model.eval();
        return model;
    }

    /// <summary>A fresh conv model whose batch norm has seen nothing: a load must bring the buffers too.</summary>
    private static ConvMnistModel FreshConvModel(long seed)
    {
        manual_seed(seed);
        var model = new ConvMnistModel();
        model.eval();
        return model;
    }

    /// <summary>A trained-looking conv model: batch norm has seen a batch, so its buffers are off their initial values.</summary>
    private static ConvMnistModel ConvModelWithRunningStatistics(long seed)
    {
        var model = FreshConvModel(seed);
        model.train();
        using (var batch = rand(8, 1, 28, 28))
        using (var output = model.forward(batch)) { }
        model.eval();
        return model;
    }

    private void RoundTrip(PyTorchFormat format, nn.Module<Tensor, Tensor> source, nn.Module<Tensor, Tensor> target)
    {
        manual_seed(3);
        using var input = rand(5, 1, 28, 28);
        using var expected = source.forward(input);
        using (var before = target.forward(input))
            TensorValues.Identical(before, expected).ShouldBeFalse("the two models must start different");
        using var saved = ModuleState.Of(source);
        string path = _dir.File("model" + format.Extension);

        format.Save(source, path);
        format.Load(target, path);

        saved.ShouldEqual(target, "loaded weights must be bit-identical to the saved ones");
        saved.ShouldEqual(source, "saving must not change the model");
        using var actual = target.forward(input);
        TensorValues.Identical(actual, expected).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Dense_model_round_trips_bit_for_bit(string formatName)
    {
        using var source = DenseModel(seed: 1);
        using var target = DenseModel(seed: 2);

        RoundTrip(PyTorchFormat.Named(formatName), source, target);
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Conv_model_with_batch_norm_round_trips_bit_for_bit_buffers_included(string formatName)
    {
        using var source = ConvModelWithRunningStatistics(seed: 1);
        using var target = FreshConvModel(seed: 2);

        RoundTrip(PyTorchFormat.Named(formatName), source, target);

        var buffers = target.state_dict();
        buffers["encoder1.num_batches_tracked"].item<long>().ShouldBe(1);
        using var initialVariance = ones(4);
        TensorValues.Identical(buffers["encoder1.running_var"], initialVariance).ShouldBeFalse();
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Save_creates_the_directory_overwrites_and_leaves_no_temporary_files(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var first = DenseModel(seed: 1);
        using var second = DenseModel(seed: 2);
        string path = Path.Combine(_dir.Path, "nested", "deeper", "model" + format.Extension);

        format.Save(first, path);
        format.Save(second, path);

        Directory.GetFiles(Path.GetDirectoryName(path)!).ShouldBe(new[] { path });
        using var loaded = DenseModel(seed: 3);
        format.Load(loaded, path);
        using var expected = ModuleState.Of(second);
        expected.ShouldEqual(loaded, "the second save must replace the first");
    }

    [Theory]
    [MemberData(nameof(PyTorchFormat.Names), MemberType = typeof(PyTorchFormat))]
    public void Loaded_parameters_stay_trainable(string formatName)
    {
        var format = PyTorchFormat.Named(formatName);
        using var source = DenseModel(seed: 1);
        using var target = DenseModel(seed: 2);
        string path = _dir.File("model" + format.Extension);
        format.Save(source, path);

        format.Load(target, path);

        foreach (var (name, parameter) in target.named_parameters())
            parameter.requires_grad.ShouldBeTrue(name);
        using var batch = rand(2, 1, 28, 28);
        using var loss = target.TrainingLoss(batch);
        loss.backward();
        foreach (var (name, parameter) in target.named_parameters())
            parameter.grad.ShouldNotBeNull(name);
    }
}
