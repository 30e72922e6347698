using System.Linq;
using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.FrontEnds;
using Autoencoder.Generators.Spec;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Denoising, sparse and contractive declared wrongly with attributes: id, message and place.</summary>
public class RegularizationDiagnosticTests
{
    [Theory]
    [InlineData("Denoising(NoiseKind.Gaussian, -0.1)", "The amount of Gaussian noise (its σ) must be a finite number ≥ 0, but is -0.1")]
    [InlineData("Denoising(NoiseKind.Gaussian, double.PositiveInfinity)", "The amount of Gaussian noise (its σ) must be a finite number ≥ 0, but is Infinity")]
    [InlineData("Denoising(NoiseKind.Masking, 1.5)", "The amount of Masking noise (the fraction of pixels corrupted) must be in [0, 1], but is 1.5")]
    [InlineData("Denoising(NoiseKind.SaltAndPepper, -0.2)", "The amount of SaltAndPepper noise (the fraction of pixels corrupted) must be in [0, 1], but is -0.2")]
    [InlineData("Denoising((NoiseKind)7, 0.1)", "The noise of Denoising must be one of Gaussian, Masking, SaltAndPepper, Block, but is 7")]
    [InlineData("Sparse(L1Weight = -1e-4)", "L1Weight of Sparse must be a finite number ≥ 0, but is -0.0001")]
    [InlineData("Sparse(SparsityTarget = 0)", "SparsityTarget of Sparse must be in (0, 1), but is 0.0")]
    [InlineData("Sparse(SparsityTarget = 1)", "SparsityTarget of Sparse must be in (0, 1), but is 1.0")]
    [InlineData("Sparse(SparsityTarget = 0.05, SparsityWeight = -3)", "SparsityWeight of Sparse must be a finite number ≥ 0, but is -3.0")]
    [InlineData("Contractive(-1)", "ContractiveWeight of Contractive must be a finite number ≥ 0, but is -1.0")]
    [InlineData("Contractive(double.NaN)", "ContractiveWeight of Contractive must be a finite number ≥ 0, but is NaN")]
    public void AE0020_setting_out_of_range_points_at_the_attribute(string attribute, string message)
    {
        var source = RegularizedModels.Small("[" + attribute + "]");

        var diagnostic = DiagnosticTests.Single(source, "AE0020");

        diagnostic.GetMessage().ShouldBe(message);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Fact]
    public void AE0021_sparse_without_a_penalty()
    {
        var source = RegularizedModels.Small("[Sparse]");

        var diagnostic = DiagnosticTests.Single(source, "AE0021");

        diagnostic.GetMessage().ShouldBe(
            "The sparse autoencoder 'Small' declares no penalty: set L1Weight (λ of the code's L1 norm), SparsityTarget (ρ, the mean activation each code unit should have) or both, e.g. Sparse(L1Weight = 1e-4) or Sparse(SparsityTarget = 0.05, SparsityWeight = 3)");
        DiagnosticTests.AssertAt(diagnostic, source, "Sparse]", length: "Sparse".Length);
    }

    [Fact]
    public void AE0021_weight_without_a_target()
    {
        var source = RegularizedModels.Small("[Sparse(L1Weight = 1e-4, SparsityWeight = 3)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0021");

        diagnostic.GetMessage().ShouldBe(
            "SparsityWeight of Sparse is β of the KL sparsity penalty, which needs a SparsityTarget (ρ) too: set e.g. SparsityTarget = 0.05, or remove SparsityWeight (L1Weight weighs the L1 penalty)");
        DiagnosticTests.AssertAt(diagnostic, source, "Sparse(", length: "Sparse(L1Weight = 1e-4, SparsityWeight = 3)".Length);
    }

    [Theory]
    [InlineData("[Dense(8, Activation.ReLU)]", "Dense(8, Activation.ReLU)", "ReLU")]
    [InlineData("[Dense(8)]", "Dense(8)", "None")]
    public void AE0022_kl_target_on_a_code_that_is_not_sigmoid_points_at_the_encoders_last_layer(string encoder, string layer, string activation)
    {
        var source = RegularizedModels.Small("[Sparse(SparsityTarget = 0.05)]", encoder);

        var diagnostic = DiagnosticTests.Single(source, "AE0022");

        diagnostic.GetMessage().ShouldBe(
            "The KL sparsity target of 'Small' compares mean code activations with a probability, so they must lie in (0, 1), but the encoder ends with activation "
            + activation + ": end it with Activation.Sigmoid, or use the L1 penalty alone");
        DiagnosticTests.AssertAt(diagnostic, source, layer, length: layer.Length);
    }

    [Fact]
    public void The_l1_penalty_takes_any_code()
    {
        var run = GeneratorHarness.Run(RegularizedModels.Small("[Sparse(L1Weight = 1e-3)]", "[Dense(8, Activation.ReLU)]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
    }

    [Theory]
    [InlineData("Sparse(L1Weight = 1e-4)", "The sparsity penalty")]
    [InlineData("Contractive(0.1)", "The contractive penalty")]
    public void AE0023_code_penalty_with_a_latent_distribution(string attribute, string penalty)
    {
        // The latent kinds are declared by other attributes; any LatentSpec must be refused the same way.
        var source = RegularizedModels.Small("[Denoising(NoiseKind.Gaussian, 0.1)][" + attribute + "]");
        var run = GeneratorHarness.Run(source);
        var spec = ((ModelParseResult)run.Result.TrackedSteps["AttributeModels"].Single().Outputs.Single().Value).Spec!;

        var result = ModelAnalyzer.Analyze(spec with { Latent = new SomeLatentSpec(spec.Location) });

        result.Model.ShouldBeNull();
        var diagnostic = result.Diagnostics.Single();
        diagnostic.Descriptor.Id.ShouldBe("AE0023");
        diagnostic.ToDiagnostic().GetMessage().ShouldBe(
            penalty + " penalises the activations of a deterministic code, but 'Small' declares a SomeLatent code, which has its own regulariser; remove one of them");
        diagnostic.ToDiagnostic().Location.SourceSpan.Start.ShouldBe(source.IndexOf(attribute, System.StringComparison.Ordinal));
    }

    [Fact]
    public void Denoising_combines_with_a_latent_distribution()
    {
        var run = GeneratorHarness.Run(RegularizedModels.Small("[Denoising(NoiseKind.Gaussian, 0.1)]"));
        var spec = ((ModelParseResult)run.Result.TrackedSteps["AttributeModels"].Single().Outputs.Single().Value).Spec!;

        ModelAnalyzer.Analyze(spec with { Latent = new SomeLatentSpec(spec.Location) }).Diagnostics.ShouldBeEmpty();
    }

    private sealed record SomeLatentSpec(LocationInfo? Location) : LatentSpec(Location);

    [Fact]
    public void AE0024_contractive_with_batch_norm_in_the_encoder_points_at_the_layer()
    {
        var source = RegularizedModels.Small("[Contractive(0.1)]", "[Dense(8)][BatchNorm][Dense(8, Activation.Sigmoid)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0024");

        diagnostic.GetMessage().ShouldBe(
            "The contractive penalty of 'Small' needs each code to depend on its own input only, but BatchNorm in the encoder normalises over the batch while training: use LayerNorm or GroupNorm there, or remove the penalty");
        DiagnosticTests.AssertAt(diagnostic, source, "BatchNorm]", length: "BatchNorm".Length);
    }
}
