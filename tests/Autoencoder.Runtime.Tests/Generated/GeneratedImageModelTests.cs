using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Generated convolutional modules, run by TorchSharp: the shapes, counts and modes the generator promised.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedImageModelTests
{
    [Fact]
    public void Conv_model_learns_on_real_mnist_digits()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 2000);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 200);

        var trainer = ConvMnistModel.Trainer.Create();
        var before = trainer.EvaluateLoss(test.Images);
        var report = trainer.Fit(train.Images, test.Images);

        report.Epochs.Count.ShouldBe(2);
        report.Epochs[1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        report.FinalValidationLoss!.Value.ShouldBeLessThan(before * 0.5);
    }

    [Fact]
    public void Conv_model_parameters_match_the_compile_time_count()
    {
        using var model = new ConvMnistModel();

        // Batch norm's running mean and variance are buffers: not counted, but saved with the weights.
        model.parameters().Sum(p => p.numel()).ShouldBe(ConvMnistModel.ParameterCount);
        model.named_buffers().Select(b => b.name).ShouldContain("encoder1.running_mean");
        using var output = model.forward(rand(3, 1, 28, 28));
        output.shape.ShouldBe(new long[] { 3, 1, 28, 28 });
    }

    [Fact]
    public void Pooled_model_runs_every_image_layer_with_the_inferred_shapes()
    {
        using var model = new PooledImageModel();
        using var input = rand(4, 2, 12, 12);

        model.parameters().Sum(p => p.numel()).ShouldBe(PooledImageModel.ParameterCount);
        using (var code = model.Encode(input))
        {
            code.shape.ShouldBe(new long[] { 4, 8 });
            PooledImageModel.CodeShape.ShouldBe(new long[] { 8 });
        }

        using var output = model.forward(input);
        output.shape.ShouldBe(new long[] { 4, 2, 12, 12 });
    }

    [Fact]
    public void Upsample_to_a_size_runs_with_the_inferred_shape()
    {
        using var model = new SizedUpsampleModel();
        using var code = rand(2, 8);

        using var output = model.Decode(code);

        output.shape.ShouldBe(new long[] { 2, 1, 28, 28 });
        model.parameters().Sum(p => p.numel()).ShouldBe(SizedUpsampleModel.ParameterCount);
    }

    [Fact]
    public void Batch_norm_and_channel_dropout_follow_train_and_eval()
    {
        using var model = new PooledImageModel();
        using var input = rand(4, 2, 12, 12);

        // Training: dropout differs per call and batch statistics update the running mean.
        model.train();
        using var first = model.forward(input);
        using var second = model.forward(input);
        first.allclose(second).ShouldBeFalse();
        using var runningMean = model.named_buffers().First(b => b.name == "encoder1.running_mean").buffer.clone();

        // Evaluation: deterministic, and the running statistics stay as they are.
        model.eval();
        using var third = model.forward(input);
        using var fourth = model.forward(input);
        third.allclose(fourth, rtol: 0, atol: 0).ShouldBeTrue();
        model.named_buffers().First(b => b.name == "encoder1.running_mean").buffer.allclose(runningMean, rtol: 0, atol: 0).ShouldBeTrue();
    }
}
