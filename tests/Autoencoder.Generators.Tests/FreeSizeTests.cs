using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Layers;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;
using YamlChecks = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// Models of free height and width (<c>[Input(3, Any.Height, Any.Width)]</c>, YAML <c>[3, H, W]</c>): H and W carried through
/// every layer kind, the size multiple and smallest size, the errors at the attribute or YAML node, and the generated code.
/// </summary>
/// <remarks>Enums are written as <c>default</c>: the generator compiles its own copy of them, so their names are ambiguous here.</remarks>
public class FreeSizeTests
{
    internal const string Photo = Header + """
        [Autoencoder]
        [Input(3, Any.Height, Any.Width)]
        public partial class Photo
        {
            [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
            [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
            [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
            [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
            [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
            [ConvTranspose2d(3, 5, Activation.Sigmoid, Stride = 2, Padding = 2, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    private const string PhotoYaml = """
        name: Photo
        namespace: Examples
        input: [3, H, W]
        encoder:
          - conv2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2}
          - conv2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2}
          - conv2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2}
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
        decoder:
          - conv_transpose2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2, output_padding: 1}
          - conv_transpose2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2, output_padding: 1}
          - conv_transpose2d: {out_channels: 32, kernel_size: 5, activation: relu, stride: 2, padding: 2, output_padding: 1}
          - conv_transpose2d: {out_channels: 3, kernel_size: 5, activation: sigmoid, stride: 2, padding: 2, output_padding: 1}
        """;

    private static readonly Shape FreeImage = Shape.Of(Dim.Of(8), Dim.Free(Side.Height), Dim.Free(Side.Width));

    [Fact]
    public void Strides_divide_the_free_sides_and_raise_the_multiple()
    {
        var conv = ShapeInference.Infer(Conv(16, 3, stride: 2, padding: 1), FreeImage).Output!;
        conv.ToString().ShouldBe("[B, 16, H/2, W/2]");
        conv.Multiple.ShouldBe(2);

        var twice = ShapeInference.Infer(Conv(16, 3, stride: 2, padding: 1), conv).Output!;
        twice.ToString().ShouldBe("[B, 16, H/4, W/4]");
        twice.Multiple.ShouldBe(4);
    }

    [Theory]
    [InlineData(3, 1, 0, "[B, 4, H-2, W-2]", 1)] // valid convolution: two pixels fewer
    [InlineData(3, 1, 1, "[B, 4, H, W]", 1)]
    [InlineData(3, 2, 0, "[B, 4, H/2-1, W/2-1]", 2)] // ⌊(H − 3) / 2⌋ + 1 for even H
    [InlineData(4, 2, 1, "[B, 4, H/2, W/2]", 2)]
    [InlineData(7, 4, 3, "[B, 4, H/4, W/4]", 4)]
    public void Convolutions_follow_the_size_formula_for_every_multiple(int kernel, int stride, int padding, string expected, int multiple)
    {
        var output = ShapeInference.Infer(Conv(4, kernel, stride, padding), FreeImage).Output!;

        output.ToString().ShouldBe(expected);
        output.Multiple.ShouldBe(multiple);
        foreach (var side in new[] { 8, 16, 40, 64 })
        {
            var fixedOutput = ShapeInference.Infer(Conv(4, kernel, stride, padding), FreeImage.At(side, side)).Output!;
            fixedOutput.ShouldBe(output.At(side, side), "at side " + side);
        }
    }

    [Fact]
    public void Transposed_convolutions_upsampling_and_pixel_shuffles_multiply_the_free_sides()
    {
        var grown = ShapeInference.Infer(new ConvTranspose2dSpec(8, 4, 2, 1, 0, 1, 1, true, default, 0.01, default, null), FreeImage).Output!;
        grown.ToString().ShouldBe("[B, 8, 2H, 2W]");

        var upsampled = ShapeInference.Infer(new UpsampleSpec(3, null, null, default, null), FreeImage).Output!;
        upsampled.ToString().ShouldBe("[B, 8, 3H, 3W]");

        var shuffled = ShapeInference.Infer(new PixelShuffleSpec(Inverse: false, 2, null), FreeImage).Output!;
        shuffled.ToString().ShouldBe("[B, 2, 2H, 2W]");

        var unshuffled = ShapeInference.Infer(new PixelShuffleSpec(Inverse: true, 2, null), FreeImage).Output!;
        unshuffled.ToString().ShouldBe("[B, 32, H/2, W/2]");
        unshuffled.Multiple.ShouldBe(2);
    }

    [Fact]
    public void Pools_divide_and_a_size_that_is_not_divisible_for_every_multiple_is_refused()
    {
        var pooled = ShapeInference.Infer(new Pool2dSpec(PoolKind.Max, 2, null, null), FreeImage).Output!;
        pooled.ToString().ShouldBe("[B, 8, H/2, W/2]");

        // H − 1 is odd for every even H: no multiple makes it divisible into 2×2 blocks.
        var odd = Shape.Of(Dim.Of(4), Dim.Free(Side.Height).Plus(-1), Dim.Free(Side.Width).Plus(-1));
        ShapeInference.Infer(new PixelShuffleSpec(Inverse: true, 2, null), odd).Problem.ShouldBe("its H-1×W-1 input is not divisible into 2×2 blocks");
    }

    [Fact]
    public void Photo_model_carries_h_and_w_through_the_summary_and_exposes_its_multiple()
    {
        var run = GeneratorHarness.Run(Photo);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("\"Photo: [B, 3, H, W] -> [B, 16, H/16, W/16] -> [B, 3, H, W]\\n\" +");
        module.ShouldContain("public static long[] InputShape => new long[] { 3, -1, -1 };");
        module.ShouldContain("public static long[] CodeShape => new long[] { 16, -1, -1 };");
        module.ShouldContain("public const int SizeMultiple = 16;");
        module.ShouldContain("public const int MinimumHeight = 16;");
        module.ShouldContain("// Conv2d(16, 5, stride 2, padding 2): [B, 32, H/8, W/8] -> [B, 16, H/16, W/16]");
        Snapshot.Match(module, "Photo.Module");
    }

    [Fact]
    public void Photo_trainer_reads_image_folders_with_the_declared_patches()
    {
        var run = GeneratorHarness.Run(Photo.Replace("[Autoencoder]", "[Autoencoder, TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5, PatchesPerImage = 4)]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var trainer = run.Source(".Trainer.g.cs");
        trainer.ShouldContain("public int PatchSize { get; init; } = 128;");
        trainer.ShouldContain("public bool FlipHorizontal { get; init; } = true;");
        trainer.ShouldContain("public double MinimumScale { get; init; } = 0.5;");
        trainer.ShouldContain("public int PatchesPerImage { get; init; } = 4;");
        Snapshot.Match(trainer, "Photo.Trainer");
    }

    [Fact]
    public void A_free_model_without_the_declaration_gets_the_default_patch_rounded_to_its_multiple()
    {
        var trainer = GeneratorHarness.Run(Photo).Source(".Trainer.g.cs");

        trainer.ShouldContain("public int PatchSize { get; init; } = 256;");
        trainer.ShouldContain("public bool FlipHorizontal { get; init; } = false;");
        trainer.ShouldContain("public int PatchesPerImage { get; init; } = 1;");
    }

    [Fact]
    public void Yaml_photo_model_generates_the_attribute_models_code()
    {
        var yaml = GeneratorHarness.RunYaml(PhotoYaml);
        var attributes = GeneratorHarness.Run(Photo);

        yaml.GeneratorDiagnostics.ShouldBeEmpty();
        yaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(attributes.Source(".Module.g.cs"), "Photo"));

        var declared = GeneratorHarness.RunYaml(PhotoYaml + "\ntraining_data: {patch_size: 128, flip_horizontal: true, minimum_scale: 0.5, patches_per_image: 4}");
        var twin = GeneratorHarness.Run(Photo.Replace("[Autoencoder]", "[Autoencoder, TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5, PatchesPerImage = 4)]"));
        declared.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(twin.Source(".Trainer.g.cs"), "Photo"));
    }

    [Fact]
    public void Minimum_size_is_where_the_kernels_first_fit_and_a_declared_one_is_rounded_up_to_the_multiple()
    {
        // Three valid 5×5 convolutions take 12 pixels off each side, and the stride-2 one needs an even side: 14 is the first.
        const string valid = Header + """
            [Autoencoder, Input(1, Any.Height, Any.Width)]
            public partial class Valid
            {
                [Conv2d(4, 5), Conv2d(4, 5), Conv2d(4, 4, Stride = 2)] public partial Tensor Encode(Tensor x);
                [ConvTranspose2d(4, 4, Stride = 2), ConvTranspose2d(4, 5), ConvTranspose2d(1, 5)] public partial Tensor Decode(Tensor z);
            }
            """;
        var run = GeneratorHarness.Run(valid);
        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Module.g.cs").ShouldContain("public const int SizeMultiple = 2;");
        run.Source(".Module.g.cs").ShouldContain("public const int MinimumHeight = 12;");

        var declared = GeneratorHarness.Run(Photo.Replace("[Input(3, Any.Height, Any.Width)]", "[Input(3, Any.Height, Any.Width, MinimumSize = 100)]"));
        declared.Source(".Module.g.cs").ShouldContain("public const int MinimumHeight = 112;");
        declared.Source(".Module.g.cs").ShouldContain("public const int MinimumWidth = 112;");

        var yaml = GeneratorHarness.RunYaml(PhotoYaml.Replace("input: [3, H, W]", "input: {shape: [3, H, W], minimum_size: 100}"));
        yaml.GeneratorDiagnostics.ShouldBeEmpty();
        yaml.Source(".Module.g.cs").ShouldContain("public const int MinimumWidth = 112;");
    }

    [Fact]
    public void AE0009_flatten_on_a_free_size_names_the_layer_and_the_shape()
    {
        const string source = Header + """
            [Autoencoder, Input(3, Any.Height, Any.Width)]
            public partial class Flat
            {
                [Conv2d(8, 3, Stride = 2, Padding = 1), Flatten, Dense(16)] public partial Tensor Encode(Tensor x);
                [Dense(48), Unflatten(3, 4, 4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Flatten in the encoder cannot take input [B, 8, H/2, W/2]: it makes one feature per element, which needs a fixed size, but its input depends on the model's free height and width: a model of free sizes stays convolutional");
        AssertAt(diagnostic, source, "Flatten", length: "Flatten".Length);
    }

    [Fact]
    public void AE0009_layer_norm_on_a_free_size_suggests_group_norm()
    {
        const string source = Header + """
            [Autoencoder, Input(3, Any.Height, Any.Width)]
            public partial class Normed
            {
                [Conv2d(8, 3, Padding = 1), LayerNorm] public partial Tensor Encode(Tensor x);
                [Conv2d(3, 3, Padding = 1)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0009").GetMessage().ShouldEndWith("normalise over channels and pixels with GroupNorm(1) instead");
    }

    [Fact]
    public void AE0008_a_decoder_that_does_not_give_back_h_and_w()
    {
        const string source = Header + """
            [Autoencoder, Input(3, Any.Height, Any.Width)]
            public partial class Short
            {
                [Conv2d(8, 3, Stride = 2)] public partial Tensor Encode(Tensor x);
                [ConvTranspose2d(3, 3, Stride = 2)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0008");
        diagnostic.GetMessage().ShouldContain("[B, 3, H-1, W-1]");
        diagnostic.GetMessage().ShouldContain("[B, 3, H, W]");
        AssertAt(diagnostic, source, "ConvTranspose2d(3, 3, Stride = 2)", length: "ConvTranspose2d(3, 3, Stride = 2)".Length);
    }

    [Fact]
    public void AE0014_a_residual_block_whose_sides_differ_for_every_size()
    {
        const string source = Header + """
            [Autoencoder, Input(8, Any.Height, Any.Width)]
            public partial class Block
            {
                [Residual, Conv2d(8, 3), EndResidual] public partial Tensor Encode(Tensor x);
                [Conv2d(8, 3, Padding = 2)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0014").GetMessage().ShouldStartWith("The residual block Residual(1 layer) in the encoder turns [B, 8, H, W] into [B, 8, H-2, W-2]");
    }

    [Fact]
    public void A_residual_block_that_halves_the_sides_gets_a_strided_projection()
    {
        const string source = Header + """
            [Autoencoder, Input(8, Any.Height, Any.Width)]
            public partial class Down
            {
                [Residual, Conv2d(16, 3, Stride = 2, Padding = 1), EndResidual] public partial Tensor Encode(Tensor x);
                [ConvTranspose2d(8, 4, Stride = 2, Padding = 1)] public partial Tensor Decode(Tensor z);
            }
            """;

        var run = GeneratorHarness.Run(source);
        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Module.g.cs").ShouldContain("encoder0_projection = global::TorchSharp.torch.nn.Conv2d(8, 16, kernel_size: 1, stride: 2, bias: false);");
    }

    [Theory]
    [InlineData("[Input(Any.Height, 3, Any.Width)]", "(Any.Height, 3, Any.Width)")]
    [InlineData("[Input(3, Any.Width, Any.Height)]", "(3, Any.Width, Any.Height)")]
    [InlineData("[Input(Any.Height)]", "(Any.Height)")]
    public void AE0007_free_sides_only_as_the_height_and_width_of_an_image(string input, string shown)
    {
        var source = Photo.Replace("[Input(3, Any.Height, Any.Width)]", input);

        var diagnostic = Single(source, "AE0007");
        diagnostic.GetMessage().ShouldBe("The input shape must be positive sizes, with a free height and width only as the last two sizes of an image: [Input(C, Any.Height, Any.Width)] (YAML [C, H, W]), but is " + shown);
        AssertAt(diagnostic, source, input.Trim('[', ']'), length: input.Length - 2);
    }

    [Fact]
    public void AE0010_minimum_size_on_a_fixed_input()
    {
        var source = Models.Classic.Replace("[Input(1, 28, 28)]", "[Input(1, 28, 28, MinimumSize = 8)]");
        source.ShouldContain("MinimumSize = 8");

        Single(source, "AE0010").GetMessage().ShouldStartWith("MinimumSize applies to a free height or width, but the input [B, 1, 28, 28] has none");
    }

    [Fact]
    public void AE0026_strides_that_need_a_multiple_beyond_any_image()
    {
        const string source = Header + """
            [Autoencoder, Input(1, Any.Height, Any.Width)]
            public partial class Huge
            {
                [Conv2d(1, 1, Stride = 512), Conv2d(1, 1, Stride = 512)] public partial Tensor Encode(Tensor x);
                [ConvTranspose2d(1, 1, Stride = 512, OutputPadding = 511), ConvTranspose2d(1, 1, Stride = 512, OutputPadding = 511)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0026").GetMessage().ShouldBe("The layers of 'Huge' take no input of free height and width: its strides need height and width to be multiples of 262144, more than the largest side tried (65536)");
    }

    [Theory]
    [InlineData("input: [3, X, W]", "X, W]")]
    [InlineData("input: [3, h, w]", "h, w]")]
    public void AE0103_yaml_free_sides_are_spelled_h_and_w(string input, string wrong)
    {
        var yaml = PhotoYaml.Replace("input: [3, H, W]", input);

        var diagnostic = YamlChecks.Single(yaml, "AE0103");
        diagnostic.GetMessage().ShouldContain("an integer, or H or W for a free height or width");
        YamlChecks.AssertAt(diagnostic, yaml, wrong, length: 1);
    }

    [Fact]
    public void AE0009_yaml_flatten_on_a_free_size_points_at_its_node()
    {
        var yaml = PhotoYaml.Replace("  - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}", "  - flatten: {}");

        var diagnostic = YamlChecks.Single(yaml, "AE0009");
        diagnostic.GetMessage().ShouldStartWith("Flatten in the encoder cannot take input [B, 32, H/8, W/8]");
        YamlChecks.AssertAt(diagnostic, yaml, "flatten: {}", length: "flatten: {}".Length);
    }

    [Theory]
    [InlineData("[Compression(0.01)]")]
    [InlineData("[VectorQuantized(64, 16, Ema = true)]")]
    [InlineData("[Denoising(NoiseKind.Block, 0.25)]")]
    [InlineData("[Denoising(NoiseKind.Gaussian, 0.1), Sparse(L1Weight = 1e-4)]")]
    public void Families_take_free_sizes(string family)
    {
        var run = GeneratorHarness.Run(Photo.Replace("[Autoencoder]", "[Autoencoder]\n" + family));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Module.g.cs").ShouldContain("public const int SizeMultiple = 16;");
    }

    [Fact]
    public void Compression_counts_the_pixels_of_each_batch()
    {
        var module = GeneratorHarness.Run(Photo.Replace("[Autoencoder]", "[Autoencoder, Compression(0.01)]")).Source(".Module.g.cs");

        module.ShouldNotContain("PixelsPerImage");
        module.ShouldContain("EntropyBottleneck.MeanBitsPerPixel(code.Likelihoods, batch.shape[2] * batch.shape[3]);");
    }

    [Fact]
    public void AE0010_contractive_penalty_on_a_free_code()
    {
        var source = Photo.Replace("[Autoencoder]", "[Autoencoder, Contractive(0.1)]");

        Single(source, "AE0010").GetMessage().ShouldBe("The contractive penalty takes one backward pass per code unit, so it needs a code of fixed size, but the code of 'Photo' is [B, 16, H/16, W/16]: declare a fixed input size, or use the sparse penalty");
    }

    [Fact]
    public void AE0010_training_data_on_a_model_of_vectors()
    {
        var source = Models.Classic.Replace("[Input(1, 28, 28)]", "[Input(1, 28, 28)]\n[TrainingData(FlipHorizontal = true)]").Replace("[Input(1, 28, 28)]", "[Input(784)]")
            .Replace("[Flatten]", string.Empty).Replace("[Unflatten(1, 28, 28)]", string.Empty);

        Single(source, "AE0010").GetMessage().ShouldBe("TrainingData reads folders of images, but the input of 'MnistAutoencoder' is [B, 784]: declare an image input [C, H, W]");
    }

    [Theory]
    [InlineData("PatchSize = 250", "PatchSize of TrainingData must be a multiple of 16 (SizeMultiple) of at least 16, but is 250")]
    [InlineData("PatchSize = 0", "PatchSize of TrainingData must be a multiple of 16 (SizeMultiple) of at least 16, but is 0")]
    [InlineData("MinimumScale = 0", "MinimumScale of TrainingData must be in (0, 1], but is 0.0")]
    [InlineData("MinimumScale = 1.5", "MinimumScale of TrainingData must be in (0, 1], but is 1.5")]
    [InlineData("PatchesPerImage = 0", "PatchesPerImage of TrainingData must be at least 1, but is 0")]
    public void AE0007_training_data_out_of_range(string setting, string message)
    {
        var source = Photo.Replace("[Autoencoder]", "[Autoencoder, TrainingData(" + setting + ")]");

        var diagnostic = Single(source, "AE0007");
        diagnostic.GetMessage().ShouldBe(message);
        AssertAt(diagnostic, source, "TrainingData(" + setting + ")", length: ("TrainingData(" + setting + ")").Length);
    }

    [Fact]
    public void AE0007_a_fixed_size_models_patches_are_its_size()
    {
        var source = Models.Classic.Replace("[Input(1, 28, 28)]", "[Input(1, 28, 28), TrainingData(PatchSize = 32)]");

        Single(source, "AE0007").GetMessage().ShouldBe("PatchSize of TrainingData must be the input's size, 28×28 (leave it out), but is 32");
    }

    [Fact]
    public void AE0007_yaml_training_data_points_at_its_map()
    {
        var yaml = PhotoYaml + "\ntraining_data: {patch_size: 100, flip_horizontal: true}";

        var diagnostic = YamlChecks.Single(yaml, "AE0007");
        diagnostic.GetMessage().ShouldBe("PatchSize of TrainingData must be a multiple of 16 (SizeMultiple) of at least 16, but is 100");
        YamlChecks.AssertAt(diagnostic, yaml, "{patch_size: 100, flip_horizontal: true}", length: "{patch_size: 100, flip_horizontal: true}".Length);
    }

    private static Conv2dSpec Conv(int outChannels, int kernel, int stride, int padding)
        => new(outChannels, kernel, stride, padding, false, 1, 1, true, default, 0.01, default, null);
}
