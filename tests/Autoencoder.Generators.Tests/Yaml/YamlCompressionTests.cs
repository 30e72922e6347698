using System.Linq;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>compression in YAML: the attribute's checks, each at the node it is about.</summary>
public class YamlCompressionTests
{
    private const string Valid = CompressionTests.ConvYaml;
    private const string Map = "compression: {rate_weight: 0.05}";

    [Theory]
    [InlineData("vector_quantized: {codes: 16, dimension: 4}", "a vector quantizer")]
    [InlineData("variational: {latent_size: 4}", "a variational code")]
    public void AE0050_compression_beside_another_code_points_at_the_compression(string other, string what)
    {
        var yaml = Valid.Replace(Map, other + "\n" + Map);

        var diagnostic = Single(yaml, "AE0050");

        diagnostic.GetMessage().ShouldStartWith("'ConvCodec' declares both compression and " + what + ", but a model has one kind of code");
        AssertAt(diagnostic, yaml, "{rate_weight: 0.05}", length: "{rate_weight: 0.05}".Length);
    }

    [Theory]
    [InlineData("0", "0.0")]
    [InlineData("-1", "-1.0")]
    public void AE0051_lambda_points_at_its_value(string lambda, string shown)
    {
        var yaml = Valid.Replace("rate_weight: 0.05", "rate_weight: " + lambda);

        var diagnostic = Single(yaml, "AE0051");

        diagnostic.GetMessage().ShouldEndWith("must be a finite number > 0 (e.g. 0.01; larger gives smaller files and worse reconstructions), but is " + shown);
        AssertAt(diagnostic, yaml, lambda + "}", length: lambda.Length);
    }

    [Fact]
    public void AE0052_bounded_code_points_at_the_layer()
    {
        var yaml = Valid.Replace("{out_channels: 4, kernel_size: 3, same_padding: true}", "{out_channels: 4, kernel_size: 3, activation: tanh, same_padding: true}");

        var diagnostic = Single(yaml, "AE0052");

        diagnostic.GetMessage().ShouldStartWith("The encoder of 'ConvCodec' ends with Activation.Tanh, whose outputs lie in (−1, 1)");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(LineOf(yaml, "activation: tanh"));
    }

    [Fact]
    public void AE0053_contractive_beside_compression_points_at_the_penalty()
    {
        var yaml = Valid + "\ncontractive: {contractive_weight: 0.1}\n";

        var diagnostic = Single(yaml, "AE0053");

        diagnostic.GetMessage().ShouldStartWith("The contractive penalty cannot be combined with compression on 'ConvCodec'");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(LineOf(yaml, "contractive:"));
    }

    [Fact]
    public void AE0054_rank_two_code_points_at_the_last_encoder_layer()
    {
        var yaml = CompressionDense + "  - unflatten: {shape: [2, 4]}\ndecoder:\n  - flatten: {}\n  - dense: {units: 64, activation: sigmoid}\n";

        var diagnostic = Single(yaml, "AE0054");

        diagnostic.GetMessage().ShouldStartWith("The encoder of 'FlatCodec' outputs [B, 2, 4]");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(LineOf(yaml, "unflatten"));
    }

    [Fact]
    public void AE0104_lambda_missing()
    {
        var diagnostic = Single(Valid.Replace("{rate_weight: 0.05}", "{}"), "AE0104");

        diagnostic.GetMessage().ShouldStartWith("'compression' has no 'rate_weight', which is required");
    }

    [Fact]
    public void AE0102_unknown_key_suggests_lambda()
    {
        var diagnostics = Infrastructure.GeneratorHarness.RunYaml(Valid.Replace("rate_weight:", "rate_wieght:")).Result.Diagnostics;

        // The misspelt key, and the missing one it was meant to be.
        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0102", "AE0104" });
        diagnostics[0].GetMessage().ShouldBe("'rate_wieght' is not a key of 'compression'; did you mean 'rate_weight'?");
    }

    private const string CompressionDense = """
        name: FlatCodec
        input: [64]
        compression: {rate_weight: 0.01}
        encoder:
          - dense: {units: 8}

        """;

    private static int LineOf(string yaml, string marker) => yaml.Substring(0, yaml.IndexOf(marker, System.StringComparison.Ordinal)).Split('\n').Length - 1;
}
