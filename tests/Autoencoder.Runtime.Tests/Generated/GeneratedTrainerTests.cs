using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>The generated module, loss and trainer, run by the runtime on a real slice of MNIST.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedTrainerTests
{
    [Fact]
    public void Generated_trainer_learns_to_reconstruct_real_mnist_digits()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 3000);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 1000);

        var trainer = ClassicMnistModel.Trainer.Create();
        var before = trainer.EvaluateLoss(test.Images);
        var report = trainer.Fit(train.Images, test.Images);
        var after = trainer.Evaluate(test.Images);

        report.Epochs.Count.ShouldBe(4);
        report.Epochs.Select(e => e.TrainLoss).ShouldBeInOrder(SortDirection.Descending);
        before.ShouldBeGreaterThan(0.6); // an untrained sigmoid output sits near 0.5 everywhere
        report.FinalValidationLoss!.Value.ShouldBeLessThan(0.2);
        after.Bce.ShouldBeLessThan(0.2);
        after.Mse.ShouldBeLessThan(0.05);
        after.Psnr.ShouldBeGreaterThan(13.0);
    }

    [Fact]
    public void Same_seed_gives_the_same_run()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 512);
        var options = new ClassicMnistModel.TrainingOptions { Epochs = 2, BatchSize = 128 };

        var first = ClassicMnistModel.Trainer.Create(options).Fit(train.Images);
        var second = ClassicMnistModel.Trainer.Create(options).Fit(train.Images);

        second.Epochs.Select(e => e.TrainLoss).ShouldBe(first.Epochs.Select(e => e.TrainLoss));
    }

    [Fact]
    public void Declared_defaults_reach_the_options_and_summary()
    {
        var options = new ClassicMnistModel.TrainingOptions();

        options.Epochs.ShouldBe(4);
        options.BatchSize.ShouldBe(64);
        options.Seed.ShouldBe(7);
        options.LearningRate.ShouldBe(2e-3);
        ClassicMnistModel.ParameterCount.ShouldBe(784 * 32 + 32 + 32 * 784 + 784);
        ClassicMnistModel.InputShape.ShouldBe(new long[] { 1, 28, 28 });
        ClassicMnistModel.CodeShape.ShouldBe(new long[] { 32 });
        ClassicMnistModel.Summary.ShouldContain("Total parameters: 50,992");
    }

    [Fact]
    public void Module_registers_its_layers_explicitly_and_counts_what_the_summary_says()
    {
        using var model = new ClassicMnistModel();

        model.named_parameters().Select(p => p.name).ShouldBe(new[] { "encoder1.weight", "encoder1.bias", "decoder0.weight", "decoder0.bias" });
        model.parameters().Sum(p => p.numel()).ShouldBe(ClassicMnistModel.ParameterCount);
        using var output = model.forward(zeros(5, 1, 28, 28));
        output.shape.ShouldBe(new long[] { 5, 1, 28, 28 });
    }

    [Fact]
    public void Weights_saved_after_training_reload_into_a_fresh_module()
    {
        using var dir = new TempDirectory();
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 256);
        var trainer = ClassicMnistModel.Trainer.Create(new ClassicMnistModel.TrainingOptions { Epochs = 1 });
        trainer.Fit(train.Images);
        var path = dir.File("classic.weights");
        Weights.Save(trainer.Model, path);

        using var restored = new ClassicMnistModel();
        Weights.Load(restored, path);

        trainer.Model.eval();
        restored.eval();
        using var expected = trainer.Model.forward(train.Images.narrow(0, 0, 8));
        using var actual = restored.forward(train.Images.narrow(0, 0, 8));
        actual.allclose(expected, rtol: 0, atol: 0).ShouldBeTrue();
    }
}
