using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using ConvAutoencoderExample;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Examples;

/// <summary>
/// The convolutional example's models (its YAML file and its attribute twin, compiled here from the example's own
/// files), trained briefly on real digits: the loss falls, and both declarations train identically.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class ConvExampleTests
{
    [Fact]
    public void Yaml_model_of_the_example_learns()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 2048);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 256);

        var trainer = ConvAutoencoder.Trainer.Create(new ConvAutoencoder.TrainingOptions { Epochs = 2 });
        var before = trainer.EvaluateLoss(test.Images);
        var report = trainer.Fit(train.Images, test.Images);

        report.Epochs[1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        report.FinalValidationLoss!.Value.ShouldBeLessThan(before * 0.75);
    }

    [Fact]
    public void Both_declarations_of_the_example_train_to_the_same_loss()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 256);

        var fromYaml = ConvAutoencoder.Trainer.Create(new ConvAutoencoder.TrainingOptions { Epochs = 1 }).Fit(train.Images);
        var fromAttributes = AttributeConvAutoencoder.Trainer.Create(new AttributeConvAutoencoder.TrainingOptions { Epochs = 1 }).Fit(train.Images);

        ConvAutoencoder.Summary.ShouldBe(AttributeConvAutoencoder.Summary.Replace(nameof(AttributeConvAutoencoder), nameof(ConvAutoencoder)));
        fromYaml.FinalTrainLoss.ShouldBe(fromAttributes.FinalTrainLoss);
    }
}
