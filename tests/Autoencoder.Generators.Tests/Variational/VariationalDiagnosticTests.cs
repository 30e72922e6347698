using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using YamlDiagnostics = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests.Variational;

/// <summary>AE0030-AE0034: each by id, message and location, from attributes and from YAML.</summary>
public class VariationalDiagnosticTests
{
    [Fact]
    public void AE0030_encoder_that_does_not_end_flat_points_at_its_last_layer()
    {
        const string source = VariationalModels.Usings + "namespace Examples;\n\n" + """
            [Autoencoder, Input(1, 4, 4), Variational(3)]
            [Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Conv
            {
                [Conv2d(2, 3, Activation.ReLU)]
                public partial GaussianCode Encode(Tensor x);

                [Dense(16, Activation.Sigmoid), Unflatten(1, 4, 4)]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = DiagnosticTests.Single(source, "AE0030");
        diagnostic.GetMessage().ShouldBe(
            "The encoder of the variational autoencoder 'Conv' outputs [B, 2, 2, 2], but the heads for the mean and log-variance of q(z | x) take a flat feature vector [B, F]: end the encoder with [Flatten] or a [Dense] layer");
        DiagnosticTests.AssertAt(diagnostic, source, "Conv2d(2, 3, Activation.ReLU)", "Conv2d(2, 3, Activation.ReLU)".Length);
    }

    [Fact]
    public void AE0031_variational_Encode_returning_Tensor_points_at_Encode()
    {
        var source = VariationalModels.Flat("Variational(4)", encodeReturns: "Tensor");

        var diagnostic = DiagnosticTests.Single(source, "AE0031");
        diagnostic.GetMessage().ShouldBe(
            "'Encode' of 'Flat' returns Tensor, but a variational encoder returns the mean and log-variance of q(z | x): declare 'public partial GaussianCode Encode(Tensor x);' (GaussianCode is Autoencoder.Runtime.Generative.GaussianCode)");
        DiagnosticTests.AssertAt(diagnostic, source, "Encode(Tensor x);", "Encode".Length);
        GeneratorHarness.Run(source).CompilationProblems.ShouldBeEmpty("the fallback body keeps the compiler from adding errors");
    }

    [Fact]
    public void AE0031_GaussianCode_without_Variational_points_at_Encode()
    {
        var source = VariationalModels.Flat("Training(Epochs = 1)");

        var diagnostic = DiagnosticTests.Single(source, "AE0031");
        diagnostic.GetMessage().ShouldBe(
            "'Encode' of 'Flat' returns GaussianCode, but 'Flat' is not variational: add [Variational(latentSize)] to it, or declare 'public partial Tensor Encode(Tensor x);'");
        DiagnosticTests.AssertAt(diagnostic, source, "Encode(Tensor x);", "Encode".Length);
        GeneratorHarness.Run(source).CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void AE0032_latent_size_below_one_points_at_the_attribute()
    {
        var source = VariationalModels.Flat("Variational(0)");

        var diagnostic = DiagnosticTests.Single(source, "AE0032");
        diagnostic.GetMessage().ShouldBe("The latent size of the variational autoencoder 'Flat' must be at least 1, but is 0");
        DiagnosticTests.AssertAt(diagnostic, source, "Variational(0)", "Variational(0)".Length);
    }

    [Fact]
    public void AE0033_negative_beta_points_at_the_attribute()
    {
        var source = VariationalModels.Flat("Variational(4, KlWeight = -1)");

        var diagnostic = DiagnosticTests.Single(source, "AE0033");
        diagnostic.GetMessage().ShouldBe("KlWeight (β) of the variational autoencoder 'Flat' must be a finite number ≥ 0 (1 for a VAE, more for a β-VAE), but is -1.0");
        DiagnosticTests.AssertAt(diagnostic, source, "Variational(4, KlWeight = -1)", "Variational(4, KlWeight = -1)".Length);
    }

    [Theory]
    [InlineData("Variational(4)", "ReconstructionLoss.MeanSquaredError", "Bernoulli", "MeanSquaredError",
        "a Bernoulli decoder is scored by binary cross-entropy; declare ReconstructionLoss.BinaryCrossEntropy (decoder ending in Sigmoid) or BinaryCrossEntropyWithLogits (no final activation), or Likelihood.Gaussian with MeanSquaredError")]
    [InlineData("Variational(4, Likelihood = Likelihood.Gaussian)", "ReconstructionLoss.BinaryCrossEntropy", "Gaussian", "BinaryCrossEntropy",
        "a unit-variance Gaussian decoder is scored by squared error; declare ReconstructionLoss.MeanSquaredError, or Likelihood.Bernoulli with a binary cross-entropy loss")]
    public void AE0034_likelihood_that_does_not_fit_the_loss(string variational, string loss, string likelihood, string lossName, string fix)
    {
        var source = VariationalModels.Flat(variational, loss);

        var diagnostic = DiagnosticTests.Single(source, "AE0034");
        diagnostic.GetMessage().ShouldBe("The " + likelihood + " likelihood of 'Flat' does not fit the loss " + lossName + ": " + fix);
        DiagnosticTests.AssertAt(diagnostic, source, variational, variational.Length);
    }

    private const string YamlModel = """
        name: Flat
        input: [8]
        variational: {latent_size: 0, kl_weight: 2}
        encoder:
          - dense: {units: 6, activation: relu}
        decoder:
          - dense: {units: 8, activation: sigmoid}
        loss: binary_cross_entropy
        """;

    [Fact]
    public void Yaml_AE0032_points_at_the_variational_map()
    {
        var diagnostic = YamlDiagnostics.Single(YamlModel, "AE0032");

        diagnostic.GetMessage().ShouldBe("The latent size of the variational autoencoder 'Flat' must be at least 1, but is 0");
        YamlDiagnostics.AssertAt(diagnostic, YamlModel, "{latent_size: 0, kl_weight: 2}", "{latent_size: 0, kl_weight: 2}".Length);
    }

    [Fact]
    public void Yaml_unknown_key_points_at_it()
    {
        var yaml = YamlModel.Replace("{latent_size: 0, kl_weight: 2}", "{latent_size: 4, kl_wieght: 2}");

        var unknown = YamlDiagnostics.Single(yaml, "AE0102");
        unknown.GetMessage().ShouldStartWith("'kl_wieght' is not a key of 'variational'");
        YamlDiagnostics.AssertAt(unknown, yaml, "kl_wieght", "kl_wieght".Length);
    }

    [Fact]
    public void Yaml_unknown_likelihood_points_at_it()
    {
        var yaml = YamlModel.Replace("{latent_size: 0, kl_weight: 2}", "{latent_size: 4, likelihood: poisson}");

        var choice = YamlDiagnostics.Single(yaml, "AE0007");
        choice.GetMessage().ShouldBe("'likelihood' of 'variational' must be one of 'bernoulli', 'gaussian', but is 'poisson'");
        YamlDiagnostics.AssertAt(choice, yaml, "poisson", "poisson".Length);
    }

    [Fact]
    public void Yaml_variational_without_latent_is_reported()
    {
        var yaml = YamlModel.Replace("{latent_size: 0, kl_weight: 2}", "{kl_weight: 2}");

        var diagnostic = YamlDiagnostics.Single(yaml, "AE0104");
        diagnostic.GetMessage().ShouldBe("'variational' has no 'latent_size', which is required: the number of latent units, e.g. 'variational: {latent_size: 50}'");
    }
}
