using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>The model declared in classic-twin.ae.yaml, built by the real generator from the project's YAML file.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class YamlTwinTests
{
    [Fact]
    public void Yaml_model_has_the_attribute_models_summary_apart_from_its_name()
    {
        ClassicMnistYamlModel.Summary.ShouldBe(ClassicMnistModel.Summary.Replace(nameof(ClassicMnistModel), nameof(ClassicMnistYamlModel)));
        ClassicMnistYamlModel.ParameterCount.ShouldBe(ClassicMnistModel.ParameterCount);
        new ClassicMnistYamlModel.TrainingOptions().LearningRate.ShouldBe(2e-3);
    }

    [Fact]
    public void Yaml_model_trains()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 1024);

        var trainer = ClassicMnistYamlModel.Trainer.Create(new ClassicMnistYamlModel.TrainingOptions { Epochs = 2 });
        var before = trainer.EvaluateLoss(train.Images);
        var report = trainer.Fit(train.Images);

        report.Epochs.Count.ShouldBe(2);
        report.Epochs.Last().TrainLoss.ShouldBeLessThan(before);
    }

    [Fact]
    public void Yaml_conv_model_has_the_attribute_models_summary_apart_from_its_name()
    {
        ConvMnistYamlModel.Summary.ShouldBe(ConvMnistModel.Summary.Replace(nameof(ConvMnistModel), nameof(ConvMnistYamlModel)));
        ConvMnistYamlModel.ParameterCount.ShouldBe(ConvMnistModel.ParameterCount);
        new ConvMnistYamlModel.TrainingOptions().LearningRate.ShouldBe(new ConvMnistModel.TrainingOptions().LearningRate);
    }

    [Fact]
    public void Yaml_conv_model_trains_exactly_like_its_attribute_twin()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 256);

        // Same spec, same seed: the same initial weights and batches, so the same loss to the last bit on one CPU.
        var fromYaml = ConvMnistYamlModel.Trainer.Create(new ConvMnistYamlModel.TrainingOptions { Epochs = 1 }).Fit(train.Images);
        var fromAttributes = ConvMnistModel.Trainer.Create(new ConvMnistModel.TrainingOptions { Epochs = 1 }).Fit(train.Images);

        fromYaml.FinalTrainLoss.ShouldBe(fromAttributes.FinalTrainLoss);
    }
}
