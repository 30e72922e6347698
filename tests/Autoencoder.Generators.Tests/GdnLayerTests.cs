using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;
using YamlChecks = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// GDN and inverse GDN (<c>[Gdn]</c>, <c>[Gdn(Inverse = true)]</c>; YAML <c>gdn: {}</c>, <c>gdn: {inverse: true}</c>): the
/// generated code (snapshot, and the same from YAML), the parameter count, free sizes, and the errors at the declaration.
/// </summary>
public class GdnLayerTests
{
    internal const string Codec = Header + """
        [Autoencoder, Compression(0.01)]
        [Input(3, Any.Height, Any.Width)]
        public partial class GdnCodec
        {
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            [Gdn]
            [Conv2d(8, 5, Stride = 2, Padding = 2)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(16, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
            [Gdn(Inverse = true)]
            [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    private const string CodecYaml = """
        name: GdnCodec
        namespace: Examples
        input: [3, H, W]
        compression: {rate_weight: 0.01}
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
          - gdn: {}
          - conv2d: {out_channels: 8, kernel_size: 5, stride: 2, padding: 2}
        decoder:
          - conv_transpose2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
          - gdn: {inverse: true}
          - conv_transpose2d: {out_channels: 3, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
        """;

    [Fact]
    public void Gdn_codec_generates_the_runtime_layer_with_its_channels_and_direction()
    {
        var run = GeneratorHarness.Run(Codec);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("new global::Autoencoder.Runtime.Layers.Gdn(\"encoder1\", 16)");
        module.ShouldContain("new global::Autoencoder.Runtime.Layers.Gdn(\"decoder1\", 16, inverse: true)");
        module.ShouldContain("// Gdn(Inverse): [B, 16, H/2, W/2] -> [B, 16, H/2, W/2]");
        Snapshot.Match(module, "GdnCodec.Module");
    }

    [Fact]
    public void Gdn_counts_beta_and_gamma_per_channel()
    {
        var module = GeneratorHarness.Run(Codec).Source(".Module.g.cs");

        // Conv 5·5·3·16+16, Conv 5·5·16·8+8 | ConvT 5·5·8·16+16, ConvT 5·5·16·3+3 (the count is the layers'; the codec's entropy
        // model is its own), and each GDN 16 β + 16² γ.
        const long convolutions = 1_216 + 3_208 + 3_216 + 1_203;
        module.ShouldContain("// Gdn: [B, 16, H/2, W/2] -> [B, 16, H/2, W/2]");
        module.ShouldContain("public const long ParameterCount = " + (convolutions + 2 * 272) + ";");
    }

    [Fact]
    public void Yaml_and_attribute_twins_generate_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(CodecYaml);
        var fromAttributes = GeneratorHarness.Run(Codec);

        fromYaml.Result.Diagnostics.ShouldBeEmpty();
        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "GdnCodec", "public"));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), "GdnCodec", "public"));
    }

    [Fact]
    public void AE0009_gdn_on_features_needs_an_image_at_the_attribute()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Flat
            {
                [Dense(4), Gdn] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("Gdn in the encoder cannot take input [B, 4]: it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
        AssertAt(diagnostic, source, "Gdn]", length: "Gdn".Length);
    }

    [Fact]
    public void AE0009_gdn_on_features_in_yaml_points_at_its_node()
    {
        const string yaml = """
            name: Flat
            input: [8]
            encoder:
              - dense: {units: 4}
              - gdn: {inverse: true}
            decoder:
              - dense: {units: 8}
            """;

        var diagnostic = YamlChecks.Single(yaml, "AE0009");

        diagnostic.GetMessage().ShouldStartWith("Gdn(Inverse) in the encoder cannot take input [B, 4]: it needs an image [C, H, W]");
        YamlChecks.AssertAt(diagnostic, yaml, "gdn: {inverse: true}", length: "gdn: {inverse: true}".Length);
    }
}
