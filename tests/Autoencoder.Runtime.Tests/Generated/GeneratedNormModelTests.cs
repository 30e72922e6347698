using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Generated normalisation layers and model-level init, run by TorchSharp: shapes, counts and starting values.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedNormModelTests
{
    [Fact]
    public void Normed_model_runs_with_the_inferred_shapes_and_the_compile_time_parameter_count()
    {
        using var model = new NormedMnistModel();
        using var input = rand(5, 1, 28, 28);

        model.parameters().Sum(p => p.numel()).ShouldBe(NormedMnistModel.ParameterCount);
        using (var code = model.Encode(input))
        {
            code.shape.ShouldBe(new long[] { 5, 12 });
            NormedMnistModel.CodeShape.ShouldBe(new long[] { 12 });
        }

        using var output = model.forward(input);
        output.shape.ShouldBe(new long[] { 5, 1, 28, 28 });
    }

    [Fact]
    public void Norm_layers_start_as_the_identity_and_the_model_init_reaches_the_unset_layers()
    {
        using var model = new NormedMnistModel();
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter);

        foreach (var norm in new[] { "encoder1", "encoder3", "encoder6", "encoder7", "decoder2" })
        {
            parameters[norm + ".weight"].eq(1).all().item<bool>().ShouldBeTrue(norm);
            parameters[norm + ".bias"].eq(0).all().item<bool>().ShouldBeTrue(norm);
        }

        // Kaiming from the model zeroes the bias; the TorchDefault convolution keeps TorchSharp's uniform one.
        parameters["encoder0.bias"].eq(0).all().item<bool>().ShouldBeTrue();
        parameters["decoder3.bias"].eq(0).all().item<bool>().ShouldBeTrue();
        parameters["encoder2.bias"].eq(0).all().item<bool>().ShouldBeFalse();
    }

    [Fact]
    public void Norm_layers_do_not_depend_on_the_batch()
    {
        using var model = new NormedMnistModel();
        using var batch = rand(4, 1, 28, 28);

        // Unlike BatchNorm: a sample's output is the same alone or among others, in training and in evaluation.
        model.train();
        using var together = model.forward(batch);
        using var alone = model.forward(batch[0..1]);
        alone.allclose(together[0..1], rtol: 1e-4, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void Yaml_twin_has_the_same_summary_and_trains_exactly_like_the_attribute_model()
    {
        NormedMnistYamlModel.Summary.ShouldBe(NormedMnistModel.Summary.Replace(nameof(NormedMnistModel), nameof(NormedMnistYamlModel)));
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 256);

        // Same spec and seed: the same initialisation (model init included) and batches, so the same loss.
        var yamlTrainer = NormedMnistYamlModel.Trainer.Create();
        var attributeTrainer = NormedMnistModel.Trainer.Create();
        var before = attributeTrainer.EvaluateLoss(train.Images);
        var fromYaml = yamlTrainer.Fit(train.Images);
        var fromAttributes = attributeTrainer.Fit(train.Images);

        fromYaml.FinalTrainLoss.ShouldBe(fromAttributes.FinalTrainLoss);
        attributeTrainer.EvaluateLoss(train.Images).ShouldBeLessThan(before);
    }
}
