using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Block (inpainting) noise: the generated corruption, its YAML twin, its amount and AE0059.</summary>
public class BlockNoiseTests
{
    internal static readonly string Block = RegularizedModels.Denoising.Replace("[Denoising(NoiseKind.Gaussian, 0.3)]", "[Denoising(NoiseKind.Block, 0.5)]");
    private static readonly string BlockYaml = RegularizedModels.DenoisingYaml.Replace("{noise: gaussian, amount: 0.3}", "{noise: block, amount: 0.5}");

    [Fact]
    public void Block_denoising_model_generates_module()
    {
        var run = GeneratorHarness.Run(Block);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "BlockDenoising.Module");
    }

    [Fact]
    public void Yaml_twin_generates_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(BlockYaml);
        var fromAttributes = GeneratorHarness.Run(Block);

        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "DenoisingAutoencoder"));
    }

    [Fact]
    public void AE0020_amount_above_one()
    {
        var attribute = "Denoising(NoiseKind.Block, 1.5)";
        var source = Block.Replace("Denoising(NoiseKind.Block, 0.5)", attribute);

        var diagnostic = DiagnosticTests.Single(source, "AE0020");

        diagnostic.GetMessage().ShouldBe("The amount of Block noise (the square's side, as a fraction of the image's shorter side) must be in [0, 1], but is 1.5");
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Fact]
    public void AE0059_block_noise_on_a_flat_input()
    {
        var source = RegularizedModels.Small("[Denoising(NoiseKind.Block, 0.5)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0059");

        diagnostic.GetMessage().ShouldBe("Block noise masks a square of each image, but the input of 'Small' is [16], not an image [C, H, W]: declare the input as an image (e.g. Input(1, 28, 28)) and Flatten it in the encoder, or choose another noise");
        DiagnosticTests.AssertAt(diagnostic, source, "Denoising(NoiseKind.Block, 0.5)", length: "Denoising(NoiseKind.Block, 0.5)".Length);
    }

    [Fact]
    public void AE0059_in_yaml_points_at_the_denoising_map()
    {
        var yaml = RegularizedModels.SmallYaml("denoising: {noise: block, amount: 0.5}");

        var diagnostic = Yaml.YamlDiagnosticTests.Single(yaml, "AE0059");

        diagnostic.GetMessage().ShouldStartWith("Block noise masks a square of each image, but the input of 'Small' is [16]");
        Yaml.YamlDiagnosticTests.AssertAt(diagnostic, yaml, "{noise: block, amount: 0.5}", length: "{noise: block, amount: 0.5}".Length);
    }
}
