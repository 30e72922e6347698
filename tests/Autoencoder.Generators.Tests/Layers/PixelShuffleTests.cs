using System.Linq;
using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Layers;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;
using YamlChecks = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests.Layers;

/// <summary>
/// PixelShuffle and PixelUnshuffle: their shapes, their diagnostics from attributes and from YAML, and the code of a model
/// that uses both (snapshot, count by hand, the reshape and permutation of each).
/// </summary>
public class PixelShuffleTests
{
    private const string ValidYaml = """
        name: Pixel
        input: [4, 4, 4]
        encoder:
          - pixel_unshuffle: {factor: 2}
          - pixel_shuffle: {factor: 2}
          - flatten: {}
          - dense: {units: 8}
        decoder:
          - dense: {units: 64}
          - unflatten: {shape: [4, 4, 4]}
        """;

    [Theory]
    [InlineData(new[] { 16, 4, 5 }, 2, new[] { 4, 8, 10 })]
    [InlineData(new[] { 18, 3, 2 }, 3, new[] { 2, 9, 6 })]
    [InlineData(new[] { 64, 1, 1 }, 8, new[] { 1, 8, 8 })]
    [InlineData(new[] { 5, 7, 3 }, 1, new[] { 5, 7, 3 })] // factor 1: the identity
    public void Pixel_shuffle_trades_r_squared_channels_for_r_times_the_height_and_width(int[] input, int factor, int[] output)
    {
        var result = ShapeInference.Infer(new PixelShuffleSpec(Inverse: false, factor, null), Shape.Of(input));

        result.Problem.ShouldBeNull();
        result.Output.ShouldBe(Shape.Of(output));
        result.Parameters.ShouldBe(0);
    }

    [Theory]
    [InlineData(new[] { 4, 8, 10 }, 2, new[] { 16, 4, 5 })]
    [InlineData(new[] { 3, 16, 16 }, 4, new[] { 48, 4, 4 })]
    [InlineData(new[] { 1, 8, 8 }, 8, new[] { 64, 1, 1 })]
    [InlineData(new[] { 5, 7, 3 }, 1, new[] { 5, 7, 3 })] // factor 1: the identity
    public void Pixel_unshuffle_trades_r_times_the_height_and_width_for_r_squared_channels(int[] input, int factor, int[] output)
    {
        var result = ShapeInference.Infer(new PixelShuffleSpec(Inverse: true, factor, null), Shape.Of(input));

        result.Problem.ShouldBeNull();
        result.Output.ShouldBe(Shape.Of(output));
        result.Parameters.ShouldBe(0);
    }

    [Theory]
    [InlineData(new[] { 16, 4, 4 }, 2)]
    [InlineData(new[] { 27, 5, 3 }, 3)]
    public void Unshuffle_undoes_shuffle(int[] input, int factor)
    {
        var shuffled = ShapeInference.Infer(new PixelShuffleSpec(false, factor, null), Shape.Of(input)).Output!;

        ShapeInference.Infer(new PixelShuffleSpec(true, factor, null), shuffled).Output.ShouldBe(Shape.Of(input));
    }

    [Fact]
    public void Pixel_shuffle_needs_channels_divisible_by_r_squared()
    {
        ShapeInference.Infer(new PixelShuffleSpec(false, 2, null), Shape.Of(6, 4, 4)).Problem.ShouldBe("its 6 input channels are not divisible by 2² = 4");
        ShapeInference.Infer(new PixelShuffleSpec(false, 3, null), Shape.Of(12, 4, 4)).Problem.ShouldBe("its 12 input channels are not divisible by 3² = 9");

        // r divides them but r² does not.
        ShapeInference.Infer(new PixelShuffleSpec(false, 2, null), Shape.Of(2, 4, 4)).Problem.ShouldBe("its 2 input channels are not divisible by 2² = 4");
    }

    [Fact]
    public void Pixel_unshuffle_needs_a_height_and_width_divisible_by_r()
    {
        ShapeInference.Infer(new PixelShuffleSpec(true, 2, null), Shape.Of(3, 5, 4)).Problem.ShouldBe("its 5×4 input is not divisible into 2×2 blocks");
        ShapeInference.Infer(new PixelShuffleSpec(true, 2, null), Shape.Of(3, 4, 5)).Problem.ShouldBe("its 4×5 input is not divisible into 2×2 blocks");
        ShapeInference.Infer(new PixelShuffleSpec(true, 3, null), Shape.Of(3, 2, 2)).Problem.ShouldBe("its 2×2 input is not divisible into 3×3 blocks");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Both_directions_need_an_image(bool inverse)
    {
        var spec = new PixelShuffleSpec(inverse, 2, null);

        ShapeInference.Infer(spec, Shape.Of(16)).Problem.ShouldBe("it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
        ShapeInference.Infer(spec, Shape.Of(16, 4)).Problem.ShouldBe("it needs an image [C, H, W], not rank 2");
    }

    [Fact]
    public void Absurd_sizes_are_a_problem_not_an_overflow()
    {
        ShapeInference.Infer(new PixelShuffleSpec(true, 2, null), Shape.Of(1 << 29, 2, 2)).Problem
            .ShouldBe("its 536870912·2² output channels are more than a dimension can hold");
        ShapeInference.Infer(new PixelShuffleSpec(false, 2, null), Shape.Of(4, int.MaxValue, 1)).Problem
            .ShouldBe("its output of 4294967294×2 pixels is more than a dimension can hold");
        ShapeInference.Infer(new PixelShuffleSpec(false, int.MaxValue, null), Shape.Of(4, 1, 1)).Problem
            .ShouldBe("its 4 input channels are not divisible by 2147483647² = 4611686014132420609");
    }

    [Fact]
    public void AE0009_pixel_shuffle_channels_not_divisible_by_r_squared()
    {
        const string source = Header + """
            [Autoencoder, Input(6, 4, 4)]
            public partial class Uneven
            {
                [PixelShuffle(2), Flatten, Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(96), Unflatten(6, 4, 4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("PixelShuffle(2) in the encoder cannot take input [B, 6, 4, 4]: its 6 input channels are not divisible by 2² = 4");
        AssertAt(diagnostic, source, "PixelShuffle(2)", length: "PixelShuffle(2)".Length);
    }

    [Fact]
    public void AE0009_pixel_unshuffle_height_not_divisible_by_r()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 5, 4)]
            public partial class Odd
            {
                [Flatten, Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(20), Unflatten(1, 5, 4), PixelUnshuffle(2), PixelShuffle(2)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("PixelUnshuffle(2) in the decoder cannot take input [B, 1, 5, 4]: its 5×4 input is not divisible into 2×2 blocks");
        AssertAt(diagnostic, source, "PixelUnshuffle(2)", length: "PixelUnshuffle(2)".Length);
    }

    [Fact]
    public void AE0009_pixel_shuffle_on_features()
    {
        const string source = Header + """
            [Autoencoder, Input(16)]
            public partial class Flat
            {
                [Dense(16), PixelShuffle(2)] public partial Tensor Encode(Tensor x);
                [Flatten, Dense(16)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("PixelShuffle(2) in the encoder cannot take input [B, 16]: it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
        AssertAt(diagnostic, source, "PixelShuffle(2)", length: "PixelShuffle(2)".Length);
    }

    [Fact]
    public void AE0007_factor_zero_or_negative()
    {
        const string source = Header + """
            [Autoencoder, Input(4, 4, 4)]
            public partial class BadFactors
            {
                [PixelUnshuffle(0), Flatten, Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(64), Unflatten(4, 4, 4), PixelShuffle(-2)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostics = DiagnosticTests.Diagnostics(source);
        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0007", "AE0007" });
        diagnostics.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "The factor of PixelUnshuffle(0) in the encoder must be positive, but is 0",
            "The factor of PixelShuffle(-2) in the decoder must be positive, but is -2",
        });
        AssertAt(diagnostics[0], source, "PixelUnshuffle(0)", length: "PixelUnshuffle(0)".Length);
        AssertAt(diagnostics[1], source, "PixelShuffle(-2)", length: "PixelShuffle(-2)".Length);
    }

    [Fact]
    public void A_shuffle_moves_the_sigmoid_outputs_of_the_layer_before_it_so_binary_cross_entropy_fits()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 8), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class SubPixel
            {
                [PixelUnshuffle(4), Conv2d(16, 1)] public partial Tensor Encode(Tensor x);
                [Conv2d(16, 1, Activation.Sigmoid), PixelShuffle(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        GeneratedCodeTests.AssertCompilesCleanly(GeneratorHarness.Run(source));
    }

    [Fact]
    public void AE0010_binary_cross_entropy_points_at_the_unbounded_layer_before_the_shuffle()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 8), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Unbounded
            {
                [PixelUnshuffle(4), Conv2d(16, 1)] public partial Tensor Encode(Tensor x);
                [Conv2d(16, 1, Activation.ReLU), PixelShuffle(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldStartWith("BinaryCrossEntropy needs reconstructions in [0, 1], but the decoder of 'Unbounded' ends with activation ReLU");
        AssertAt(diagnostic, source, "Conv2d(16, 1, Activation.ReLU)", length: "Conv2d(16, 1, Activation.ReLU)".Length);
    }

    [Fact]
    public void Valid_yaml_model_has_no_diagnostics()
    {
        var run = GeneratorHarness.RunYaml(ValidYaml);

        run.Result.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void AE0009_yaml_pixel_shuffle_channels_not_divisible_by_r_squared()
    {
        var yaml = ValidYaml.Replace("pixel_shuffle: {factor: 2}", "pixel_shuffle: {factor: 3}");

        var diagnostic = YamlChecks.Single(yaml, "AE0009");

        diagnostic.GetMessage().ShouldBe("PixelShuffle(3) in the encoder cannot take input [B, 16, 2, 2]: its 16 input channels are not divisible by 3² = 9");
        YamlChecks.AssertAt(diagnostic, yaml, "pixel_shuffle: {factor: 3}", length: "pixel_shuffle: {factor: 3}".Length);
    }

    [Fact]
    public void AE0009_yaml_pixel_unshuffle_size_not_divisible_by_r()
    {
        var yaml = ValidYaml.Replace("pixel_unshuffle: {factor: 2}", "pixel_unshuffle: {factor: 3}");

        var diagnostic = YamlChecks.Single(yaml, "AE0009");

        diagnostic.GetMessage().ShouldBe("PixelUnshuffle(3) in the encoder cannot take input [B, 4, 4, 4]: its 4×4 input is not divisible into 3×3 blocks");
        YamlChecks.AssertAt(diagnostic, yaml, "pixel_unshuffle: {factor: 3}", length: "pixel_unshuffle: {factor: 3}".Length);
    }

    [Fact]
    public void AE0009_yaml_pixel_shuffle_on_features()
    {
        var yaml = ValidYaml.Replace("  - dense: {units: 8}", "  - dense: {units: 8}\n  - pixel_unshuffle: {factor: 1}");

        var diagnostic = YamlChecks.Single(yaml, "AE0009");

        diagnostic.GetMessage().ShouldBe("PixelUnshuffle(1) in the encoder cannot take input [B, 8]: it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
        YamlChecks.AssertAt(diagnostic, yaml, "pixel_unshuffle: {factor: 1}", length: "pixel_unshuffle: {factor: 1}".Length);
    }

    [Theory]
    [InlineData("pixel_shuffle: {factor: 0}", "The factor of PixelShuffle(0) in the encoder must be positive, but is 0")]
    [InlineData("pixel_shuffle: {factor: -3}", "The factor of PixelShuffle(-3) in the encoder must be positive, but is -3")]
    public void AE0007_yaml_factor_not_positive(string layer, string message)
    {
        var yaml = ValidYaml.Replace("pixel_shuffle: {factor: 2}", layer);

        var diagnostic = YamlChecks.Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe(message);
        YamlChecks.AssertAt(diagnostic, yaml, layer, length: layer.Length);
    }

    [Fact]
    public void AE0104_yaml_pixel_unshuffle_without_a_factor()
    {
        var yaml = ValidYaml.Replace("pixel_unshuffle: {factor: 2}", "pixel_unshuffle: {}");

        var diagnostic = YamlChecks.Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldBe("The pixel_unshuffle layer 1 of the encoder has no 'factor', which is required: e.g. 'pixel_unshuffle: {factor: 2}'");
        YamlChecks.AssertAt(diagnostic, yaml, "{}", length: "{}".Length);
    }

    [Fact]
    public void AE0102_yaml_misspelt_factor_suggests_the_key()
    {
        var yaml = ValidYaml.Replace("pixel_shuffle: {factor: 2}", "pixel_shuffle: {factr: 2}");

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        // The misspelt key is unknown, so the required factor is also missing: two errors, no guessing.
        diagnostics.Select(d => d.Id).OrderBy(id => id).ShouldBe(new[] { "AE0102", "AE0104" });
        var unknown = diagnostics.Single(d => d.Id == "AE0102");
        unknown.GetMessage().ShouldBe("'factr' is not a key of a pixel_shuffle layer; did you mean 'factor'?");
        YamlChecks.AssertAt(unknown, yaml, "factr", length: "factr".Length);
    }

    [Fact]
    public void AE0102_yaml_misspelt_layer_suggests_the_pixel_layer()
    {
        var yaml = ValidYaml.Replace("pixel_shuffle: {factor: 2}", "pixel_shufle: {factor: 2}");

        var diagnostic = YamlChecks.Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldBe("'pixel_shufle' is not a key of a layer (the key names its kind); did you mean 'pixel_shuffle'?");
        YamlChecks.AssertAt(diagnostic, yaml, "pixel_shufle", length: "pixel_shufle".Length);
    }

    [Fact]
    public void AE0103_yaml_factor_of_the_wrong_type()
    {
        var yaml = ValidYaml.Replace("pixel_shuffle: {factor: 2}", "pixel_shuffle: {factor: two}");

        var diagnostic = YamlChecks.Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe("'factor' of layer 2 of the encoder must be an integer, but is 'two'");
        YamlChecks.AssertAt(diagnostic, yaml, "two", length: "two".Length);
    }

    [Fact]
    public void Pixel_model_generates_module()
    {
        var run = GeneratorHarness.Run(Models.Pixel);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Pixel.Module");
    }

    [Fact]
    public void Pixel_layers_have_no_weights_and_the_shapes_the_convolutions_need()
    {
        var module = GeneratorHarness.Run(Models.Pixel).Source(".Module.g.cs");

        // Unshuffle [3, 16, 16] → [12, 8, 8]; Conv 3·3·12·16+16; unshuffle → [64, 4, 4]; Conv 1·1·64·16+16
        // | Conv 3·3·16·64+64; shuffle → [16, 8, 8]; Conv 3·3·16·12+12; shuffle → [3, 16, 16].
        const long encoder = 1_744 + 1_040;
        const long decoder = 9_280 + 1_740;
        module.ShouldContain("public const long ParameterCount = " + (encoder + decoder) + ";");
        module.ShouldContain("// PixelUnshuffle(2): [B, 3, 16, 16] -> [B, 12, 8, 8]");
        module.ShouldContain("// PixelUnshuffle(2): [B, 16, 8, 8] -> [B, 64, 4, 4]");
        module.ShouldContain("// PixelShuffle(2): [B, 64, 4, 4] -> [B, 16, 8, 8]");
        module.ShouldContain("// PixelShuffle(2): [B, 12, 8, 8] -> [B, 3, 16, 16]");

        // Only the convolutions are modules.
        module.ShouldNotContain("register_module(\"encoder0\"");
        module.ShouldNotContain("register_module(\"encoder2\"");
        module.ShouldNotContain("register_module(\"decoder1\"");
        module.ShouldNotContain("register_module(\"decoder3\"");
        module.ShouldContain("register_module(\"decoder2\", decoder2);");
    }

    [Fact]
    public void Pixel_layers_are_a_reshape_a_permutation_and_a_reshape()
    {
        var module = GeneratorHarness.Run(Models.Pixel).Source(".Module.g.cs");

        // Unshuffle: [B, C, H/r, r, W/r, r] → [B, C, r, r, H/r, W/r]: channel c·r² + i·r + j holds pixel (h·r + i, w·r + j).
        module.ShouldContain("x = x.reshape(x.shape[0], 3, 8, 2, 8, 2).permute(0, 1, 3, 5, 2, 4).reshape(x.shape[0], 12, 8, 8);");
        module.ShouldContain("x = x.reshape(x.shape[0], 16, 4, 2, 4, 2).permute(0, 1, 3, 5, 2, 4).reshape(x.shape[0], 64, 4, 4);");

        // Shuffle: [B, C, r, r, H, W] → [B, C, H, r, W, r], the inverse permutation.
        module.ShouldContain("z = z.reshape(z.shape[0], 16, 2, 2, 4, 4).permute(0, 1, 4, 2, 5, 3).reshape(z.shape[0], 16, 8, 8);");
        module.ShouldContain("z = z.reshape(z.shape[0], 3, 2, 2, 8, 8).permute(0, 1, 4, 2, 5, 3).reshape(z.shape[0], 3, 16, 16);");
    }
}
