using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;
using YamlChecks = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// The hyperprior codecs (Ballé et al. 2018; Minnen et al. 2018): <c>[Compression(λ, Prior = ...)]</c> with the
/// hyper-transforms declared as <c>HyperEncode</c> and <c>HyperDecode</c> (YAML <c>hyper_encoder</c>, <c>hyper_decoder</c>),
/// checked where they are declared: present exactly when the prior needs them, a hyper-decoder that gives one scale (and mean)
/// per element of the code, built of layers the codec can compute in doubles.
/// </summary>
public class HyperpriorTests
{
    internal const string Codec = Header + """
        [Autoencoder]
        [Input(3, Any.Height, Any.Width)]
        [Compression(0.01, Prior = EntropyPrior.ScaleHyperprior)]
        [Loss(ReconstructionLoss.MeanSquaredError)]
        public partial class HyperCodec
        {
            [Conv2d(16, 5, Stride = 2, Padding = 2), Gdn]
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(16, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
            [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);

            [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            public partial Tensor HyperEncode(Tensor y);

            [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
            [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
            public partial Tensor HyperDecode(Tensor z);
        }
        """;

    private const string CodecYaml = """
        name: HyperCodec
        namespace: Examples
        input: [3, H, W]
        loss: mean_squared_error
        compression: {rate_weight: 0.01, prior: scale_hyperprior}
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
          - gdn: {}
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
        decoder:
          - conv_transpose2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
          - gdn: {inverse: true}
          - conv_transpose2d: {out_channels: 3, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
        hyper_encoder:
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, padding: 1}
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
        hyper_decoder:
          - conv_transpose2d: {out_channels: 16, kernel_size: 5, activation: relu, stride: 2, padding: 2, output_padding: 1}
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, padding: 1}
        """;

    [Fact]
    public void Scale_hyperprior_generates_module_trainer_and_codec()
    {
        var run = GeneratorHarness.Run(Codec);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("public global::Autoencoder.Runtime.Compression.HyperpriorCodec CreateCodec() =>");
        module.ShouldContain("y => HyperEncode(y.abs())");
        module.ShouldContain("H and W: multiples of 8, from 8×8");
        Snapshot.Match(module, "HyperCodec.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "HyperCodec.Trainer");
    }

    [Fact]
    public void Mean_and_scale_hyperprior_gives_twice_the_channels_and_sees_y_itself()
    {
        var source = Codec.Replace("EntropyPrior.ScaleHyperprior", "EntropyPrior.MeanScaleHyperprior")
            .Replace("[Conv2d(16, 3, Activation.ReLU, Padding = 1)]\n    public partial Tensor HyperDecode", "[Conv2d(32, 3, Padding = 1)]\n    public partial Tensor HyperDecode");
        var run = GeneratorHarness.Run(source);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("HyperDecoderInDoubles(), entropy, Fingerprint, Geometry, meanAndScale: true);");
        module.ShouldContain("meanAndScale: true, training);");
        module.ShouldNotContain("y.abs()");
    }

    [Fact]
    public void A_fixed_size_hyperprior_codes_images_of_that_size()
    {
        var run = GeneratorHarness.Run(Codec.Replace("[Input(3, Any.Height, Any.Width)]", "[Input(3, 32, 32)]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("HyperDecoderInDoubles(), entropy, Fingerprint, global::Autoencoder.Runtime.Models.ImageGeometry.Fixed(3, 32, 32));");
        module.ShouldContain("public const long PixelsPerImage = 1024;");
        module.ShouldContain("var bpp = latent.MeanBitsPerPixel(PixelsPerImage);");
    }

    [Fact]
    public void Yaml_and_attribute_twins_generate_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(CodecYaml);
        var fromAttributes = GeneratorHarness.Run(Codec);

        fromYaml.Result.Diagnostics.ShouldBeEmpty();
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "HyperCodec", "public"));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), "HyperCodec", "public"));
    }

    [Fact]
    public void AE0003_a_hyperprior_needs_its_hyper_decoder()
    {
        var source = Codec.Replace("""
                [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
                [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
                public partial Tensor HyperDecode(Tensor z);
            """, string.Empty);

        var diagnostic = Single(source, "AE0003");

        diagnostic.GetMessage().ShouldBe("The autoencoder 'HyperCodec' has no hyper-decoder: declare 'public partial Tensor HyperDecode(Tensor z);' and list its layers as attributes on it");
    }

    [Fact]
    public void AE0055_hyper_transforms_need_a_hyperprior()
    {
        var source = Codec.Replace(", Prior = EntropyPrior.ScaleHyperprior", string.Empty);

        var diagnostics = DiagnosticTests.Diagnostics(source);

        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0055", "AE0055" });
        diagnostics[0].GetMessage().ShouldStartWith("'HyperCodec' declares HyperEncode, a transform of a hyperprior codec, but its prior is Factorized");
        AssertAt(diagnostics[0], source, "HyperEncode", length: "HyperEncode".Length);
    }

    [Fact]
    public void AE0056_the_hyper_decoder_gives_one_scale_per_code_element()
    {
        var source = Codec.Replace("[Conv2d(16, 3, Activation.ReLU, Padding = 1)]\n    public partial Tensor HyperDecode", "[Conv2d(8, 3, Activation.ReLU, Padding = 1)]\n    public partial Tensor HyperDecode");

        var diagnostic = Single(source, "AE0056");

        diagnostic.GetMessage().ShouldStartWith("The hyper-decoder of 'HyperCodec' outputs [B, 8, H/4, W/4], but the scale hyperprior needs [B, 16, H/4, W/4], one scale per element of the code [B, 16, H/4, W/4]");
        AssertAt(diagnostic, source, "Conv2d(8, 3, Activation.ReLU, Padding = 1)", length: "Conv2d(8, 3, Activation.ReLU, Padding = 1)".Length);
    }

    [Fact]
    public void AE0057_the_hyper_decoder_runs_in_doubles()
    {
        var source = Codec.Replace("[Conv2d(16, 3, Activation.ReLU, Padding = 1)]\n    public partial Tensor HyperDecode", "[Conv2d(16, 3, Activation.Tanh, Padding = 1)]\n    public partial Tensor HyperDecode");

        var diagnostic = Single(source, "AE0057");

        diagnostic.GetMessage().ShouldStartWith("Conv2d(16, 3, padding 1, Tanh) in the hyper-decoder of 'HyperCodec' cannot be computed in the C# double arithmetic");
        AssertAt(diagnostic, source, "Conv2d(16, 3, Activation.Tanh, Padding = 1)", length: "Conv2d(16, 3, Activation.Tanh, Padding = 1)".Length);
    }

    [Fact]
    public void AE0057_in_yaml_points_at_the_layer()
    {
        var yaml = CodecYaml + "\n  - batch_norm: {}";

        var diagnostic = YamlChecks.Single(yaml, "AE0057");

        diagnostic.GetMessage().ShouldStartWith("BatchNorm in the hyper-decoder of 'HyperCodec'");
        YamlChecks.AssertAt(diagnostic, yaml, "batch_norm: {}", length: "batch_norm: {}".Length);
    }

    [Fact]
    public void Yaml_hyper_transforms_without_compression_are_an_error_at_the_key()
    {
        var yaml = CodecYaml.Replace("compression: {rate_weight: 0.01, prior: scale_hyperprior}\n", string.Empty);

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0010", "AE0010" });
        diagnostics[0].GetMessage().ShouldStartWith("'hyper_encoder' is a transform of a hyperprior codec, but the model declares no 'compression'");
        YamlChecks.AssertAt(diagnostics[0], yaml, "hyper_encoder", length: "hyper_encoder".Length);
    }
}
