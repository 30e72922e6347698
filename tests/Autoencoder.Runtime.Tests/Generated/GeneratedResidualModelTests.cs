using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Generated residual blocks, run by TorchSharp: counts, shapes, the shortcut's arithmetic, and learning.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedResidualModelTests
{
    [Fact]
    public void Parameters_and_shapes_match_the_compile_time_inference()
    {
        using var model = new ResidualMnistModel();
        using var input = rand(3, 1, 28, 28);

        model.parameters().Sum(p => p.numel()).ShouldBe(ResidualMnistModel.ParameterCount);
        model.named_parameters().Select(p => p.name).ShouldContain("encoder2_projection.weight");
        model.named_parameters().Select(p => p.name).ShouldContain("encoder4_projection.weight");
        model.named_parameters().Select(p => p.name).ShouldContain("decoder2_projection.weight");
        model.named_parameters().Select(p => p.name).ShouldNotContain("encoder1_projection.weight");
        using (var code = model.Encode(input))
        {
            code.shape.ShouldBe(new long[] { 3, 32 });
        }

        using var output = model.forward(input);
        output.shape.ShouldBe(new long[] { 3, 1, 28, 28 });
    }

    [Fact]
    public void Blocks_add_their_input_or_its_projection_to_the_body_output()
    {
        using var model = new ResidualMnistModel();
        using var input = rand(2, 1, 28, 28);

        using var generated = model.Encode(input);
        using var handWritten = model.HandWrittenEncode(input, withEncoder1: true);

        generated.allclose(handWritten, rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void A_block_whose_body_outputs_zero_passes_its_input_through()
    {
        using var model = new ResidualMnistModel();
        using var input = rand(2, 1, 28, 28);

        // With its last layer zeroed, encoder1 computes relu(0 + x) = x: x is already a ReLU output.
        using (no_grad())
        {
            foreach (var (_, parameter) in model.named_parameters().Where(p => p.name.StartsWith("encoder1_1.", System.StringComparison.Ordinal)))
            {
                parameter.zero_();
            }
        }

        using var code = model.Encode(input);
        using var withoutBlock = model.HandWrittenEncode(input, withEncoder1: false);
        code.allclose(withoutBlock, rtol: 1e-5, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void Residual_model_learns_on_real_mnist_digits()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 1000);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 200);

        var trainer = ResidualMnistModel.Trainer.Create();
        var before = trainer.EvaluateLoss(test.Images);
        var report = trainer.Fit(train.Images, test.Images);

        report.Epochs[1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        report.FinalValidationLoss!.Value.ShouldBeLessThan(before * 0.5);
    }
}
