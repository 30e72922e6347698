using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Denoising, sparse and contractive models: the generated module and trainer.</summary>
public class RegularizationCodeTests
{
    [Fact]
    public void Denoising_model_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(RegularizedModels.Denoising);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Denoising.Module");
        run.Source(".Trainer.g.cs").ShouldContain("TrainingLoop.Fit(Model, optimizer, Model.TrainingLoss,");
    }

    [Fact]
    public void Sparse_denoising_model_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(RegularizedModels.Sparse);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Sparse.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "Sparse.Trainer");
    }

    [Fact]
    public void Contractive_model_with_one_sigmoid_layer_uses_the_closed_form()
    {
        var run = GeneratorHarness.Run(RegularizedModels.Contractive);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Contractive.Module");
    }

    [Fact]
    public void Contractive_model_with_a_deeper_encoder_uses_autograd()
    {
        var run = GeneratorHarness.Run(RegularizedModels.DeepContractive);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "DeepContractive.Module");
        run.Source(".Trainer.g.cs").ShouldContain("Model.TrainingObjective");
    }

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU)]", "its layer, Dense(8, ReLU), is not a sigmoid Dense layer")]
    [InlineData("[Dense(8, Activation.Sigmoid)][Dropout(0.1)]", "the encoder has 2 layers, not one sigmoid Dense layer")]
    public void The_comment_says_why_autograd_was_chosen(string encoder, string reason)
    {
        var run = GeneratorHarness.Run(RegularizedModels.Small("[Contractive(0.1)]", encoder));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Module.g.cs").ShouldContain("/// By autograd, because " + reason + ": exact, with one");
    }

    [Theory]
    [InlineData("[Denoising(NoiseKind.Masking, 0.25)]", "ImageCorruption.Masking(images, NoiseAmount, generator)", "masking noise: 25% of each image's pixels")]
    [InlineData("[Denoising(NoiseKind.SaltAndPepper, 0.1)]", "ImageCorruption.SaltAndPepper(images, NoiseAmount, generator)", "salt-and-pepper noise: 10% of each image's pixels")]
    [InlineData("[Denoising(NoiseKind.Gaussian, 0.5)]", "ImageCorruption.Gaussian(images, NoiseAmount, generator)", "Gaussian noise with σ = 0.5")]
    public void Each_noise_calls_its_runtime_corruption(string attribute, string call, string description)
    {
        var module = GeneratorHarness.Run(RegularizedModels.Small(attribute)).Source(".Module.g.cs");

        module.ShouldContain(call);
        module.ShouldContain(description);
    }

    [Fact]
    public void A_model_without_regularisation_keeps_its_plain_training_loss()
    {
        var module = GeneratorHarness.Run(RegularizedModels.Small(string.Empty)).Source(".Module.g.cs");

        module.ShouldContain("public global::TorchSharp.torch.Tensor TrainingLoss(global::TorchSharp.torch.Tensor batch) => LossFunction(forward(batch), batch);");
        module.ShouldNotContain("Corrupt");
        module.ShouldNotContain("TrainingObjective");
    }
}
