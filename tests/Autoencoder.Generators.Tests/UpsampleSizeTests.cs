using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>Upsample to a size (not only by a factor): shapes, code, the YAML spelling and the either-or rule.</summary>
public class UpsampleSizeTests
{
    private const string Sized = Header + """
        [Autoencoder, Input(1, 28, 28)]
        public partial class Sized
        {
            [Conv2d(4, 3, Stride = 3), Flatten, Dense(8)] public partial Tensor Encode(Tensor x);
            [Dense(324), Unflatten(4, 9, 9), Upsample(Height = 28, Width = 28, Mode = Upsampling.Bilinear), Conv2d(1, 3, SamePadding = true)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    private const string SizedYaml = """
        name: Sized
        namespace: Examples
        input: [1, 28, 28]
        encoder:
          - conv2d: {out_channels: 4, kernel_size: 3, stride: 3}
          - flatten: {}
          - dense: {units: 8}
        decoder:
          - dense: {units: 324}
          - unflatten: {shape: [4, 9, 9]}
          - upsample: {size: [28, 28], mode: bilinear}
          - conv2d: {out_channels: 1, kernel_size: 3, same_padding: true}
        """;

    [Fact]
    public void Upsample_to_a_size_ends_at_that_size_whatever_the_factor()
    {
        var run = GeneratorHarness.Run(Sized);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("// Upsample(to 28×28, Bilinear): [B, 4, 9, 9] -> [B, 4, 28, 28]");
        module.ShouldContain("z = global::TorchSharp.torch.nn.functional.interpolate(z, size: new long[] { 28, 28 }, mode: global::TorchSharp.torch.InterpolationMode.Bilinear);");
    }

    [Fact]
    public void Yaml_size_generates_the_same_module_as_the_attribute()
    {
        var fromYaml = GeneratorHarness.RunYaml(SizedYaml).Source(".Module.g.cs");
        var fromAttributes = GeneratorHarness.Run(Sized).Source(".Module.g.cs");

        fromYaml.ShouldContain("interpolate(z, size: new long[] { 28, 28 }");
        Between(fromYaml, "public Sized()", "public override").ShouldBe(Between(fromAttributes, "public Sized()", "public override").Replace("public partial ", "public "));
    }

    [Fact]
    public void AE0010_scale_and_size_together()
    {
        var source = Sized.Replace("Upsample(Height = 28", "Upsample(3, Height = 28");

        Single(source, "AE0010").GetMessage().ShouldBe(
            "Upsample(3, Bilinear) in the decoder has both a scale and a Height or Width: give a scale, e.g. [Upsample(2)], or a size, e.g. [Upsample(Height = 28, Width = 28)]");
    }

    [Fact]
    public void AE0010_only_one_side_of_the_size()
    {
        var source = Sized.Replace("Height = 28, Width = 28, ", "Height = 28, ");

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldStartWith("Upsample(to 28×0, Bilinear) in the decoder needs a scale, e.g. [Upsample(2)], or both Height and Width");
        AssertAt(diagnostic, source, "Upsample(Height", length: "Upsample(Height = 28, Mode = Upsampling.Bilinear)".Length);
    }

    [Fact]
    public void AE0007_size_must_be_positive()
    {
        var source = Sized.Replace("Width = 28", "Width = 0");

        Single(source, "AE0007").GetMessage().ShouldContain("Width");
    }

    [Fact]
    public void Yaml_size_must_have_two_sides()
    {
        var run = GeneratorHarness.RunYaml(SizedYaml.Replace("size: [28, 28]", "size: [28]"));

        run.Sources.ShouldBeEmpty();
        run.Result.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("AE0103");
        run.Result.Diagnostics[0].GetMessage().ShouldContain("[height, width]");
    }

    [Fact]
    public void Yaml_upsample_without_scale_or_size_names_both()
    {
        var run = GeneratorHarness.RunYaml(SizedYaml.Replace("{size: [28, 28], mode: bilinear}", "{mode: bilinear}"));

        run.Result.Diagnostics.ShouldHaveSingleItem().Id.ShouldBe("AE0104");
        run.Result.Diagnostics[0].GetMessage().ShouldContain("'size'");
    }

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, System.StringComparison.Ordinal);
        return text.Substring(from, text.IndexOf(end, from, System.StringComparison.Ordinal) - from);
    }
}
