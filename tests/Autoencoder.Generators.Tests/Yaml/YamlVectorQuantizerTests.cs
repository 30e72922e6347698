using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>vector_quantized in YAML: the attribute's checks, each at the value it is about.</summary>
public class YamlVectorQuantizerTests
{
    private const string Valid = VectorQuantizerTests.EmaYaml;

    [Fact]
    public void AE0040_dimension_points_at_its_value()
    {
        var yaml = Valid.Replace("dimension: 4", "dimension: 6");

        var diagnostic = Single(yaml, "AE0040");

        diagnostic.GetMessage().ShouldStartWith("The encoder of 'EmaVqVae' outputs [B, 4, 6, 6], whose channel axis has 4 values, but the vector quantizer's dimension is 6");
        AssertAt(diagnostic, yaml, "6, ema", length: 1);
    }

    [Fact]
    public void AE0041_decay_points_at_its_value()
    {
        var yaml = Valid.Replace("codebook_decay: 0.9", "codebook_decay: 1.5");

        var diagnostic = Single(yaml, "AE0041");

        diagnostic.GetMessage().ShouldBe("CodebookDecay of the vector quantizer must be in (0, 1), but is 1.5");
        AssertAt(diagnostic, yaml, "1.5", length: 3);
    }

    [Fact]
    public void AE0042_decay_without_ema()
    {
        var yaml = Valid.Replace("ema: true, ", string.Empty);

        var diagnostic = Single(yaml, "AE0042");

        diagnostic.GetMessage().ShouldStartWith("CodebookDecay applies to the EMA codebook only");
        AssertAt(diagnostic, yaml, "0.9", length: 3);
    }

    [Fact]
    public void AE0043_variational_beside_the_vector_quantized_points_at_the_quantizer()
    {
        const string Quantizer = "vector_quantized: {codes: 16, dimension: 4, ema: true, codebook_decay: 0.9}";
        var yaml = Valid.Replace(Quantizer, Quantizer + "\nvariational: {latent_size: 4}");

        var diagnostic = Single(yaml, "AE0043");

        diagnostic.GetMessage().ShouldBe("'EmaVqVae' declares both a variational code and a vector quantizer, but a model has one kind of code: keep one of them");
        var quantizerLine = yaml.Substring(0, yaml.IndexOf(Quantizer, System.StringComparison.Ordinal)).Split('\n').Length - 1;
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(quantizerLine);
    }

    [Fact]
    public void AE0104_codes_missing()
    {
        var yaml = Valid.Replace("codes: 16, ", string.Empty);

        var diagnostic = Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldStartWith("The vector quantizer has no 'codes', which is required");
    }

    [Fact]
    public void AE0102_unknown_key_suggests_the_closest()
    {
        var yaml = Valid.Replace("codebook_decay:", "codebook_decey:");

        var diagnostic = Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldBe("'codebook_decey' is not a key of 'vector_quantized'; did you mean 'codebook_decay'?");
    }
}
