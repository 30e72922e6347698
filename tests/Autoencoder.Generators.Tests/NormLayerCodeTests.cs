using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Layer and group normalisation and the model-level Init: snapshot, clean compilation, counts by hand.</summary>
public class NormLayerCodeTests
{
    [Fact]
    public void Normed_model_generates_module()
    {
        var run = GeneratorHarness.Run(Models.Normed);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Normed.Module");
    }

    [Fact]
    public void Norm_layers_count_two_parameters_per_element_or_per_channel()
    {
        var module = GeneratorHarness.Run(Models.Normed).Source(".Module.g.cs");

        // Conv 3·3·1·8+8, GN 2·8, Conv 3·3·8·16+16, LN 2·16·4·4, Dense 256·32+32, GN 2·32, LN 2·32
        // | Dense 32·256+256, GN 2·16, ConvT 3·3·16·8+8, ConvT 3·3·8·1+1.
        const long encoder = 80 + 16 + 1_168 + 512 + 8_224 + 64 + 64;
        const long decoder = 8_448 + 32 + 1_160 + 73;
        module.ShouldContain("public const long ParameterCount = " + (encoder + decoder) + ";");
        module.ShouldContain("// LayerNorm(eps 0.001): [B, 16, 4, 4] -> [B, 16, 4, 4]");
        module.ShouldContain("// GroupNorm(1, eps 0.0001): [B, 16, 4, 4] -> [B, 16, 4, 4]");
    }

    [Fact]
    public void Model_init_fills_in_unset_layers_and_torch_default_opts_one_out()
    {
        var module = GeneratorHarness.Run(Models.Normed).Source(".Module.g.cs");

        module.ShouldContain("init.kaiming_normal_(encoder0.weight);");
        module.ShouldContain("init.xavier_uniform_(encoder2.weight);");
        module.ShouldContain("init.kaiming_normal_(encoder5.weight);");
        module.ShouldNotContain("(decoder0.weight)");
        module.ShouldContain("init.kaiming_normal_(decoder3.weight);");
        module.ShouldContain("init.kaiming_normal_(decoder4.weight);");
    }

    [Fact]
    public void Identity_init_is_dirac_for_convolutions_and_eye_for_dense_layers()
    {
        const string source = DiagnosticTests.Header + """
            [Autoencoder(Init = WeightInit.Identity), Input(3, 8, 8)]
            public partial class IdentityStart
            {
                [Conv2d(16, 3, Padding = 1, Init = WeightInit.TorchDefault)]
                [Conv2d(16, 3, Padding = 1)]
                [Flatten, Dense(32)]
                public partial Tensor Encode(Tensor x);

                [Dense(192), Unflatten(3, 8, 8)]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var result = GeneratorHarness.Run(source);

        GeneratedCodeTests.AssertCompilesCleanly(result);
        var module = result.Source(".Module.g.cs");
        module.ShouldNotContain("(encoder0.weight)");
        module.ShouldContain("// Identity weights and a zero bias for encoder1.");
        module.ShouldContain("init.dirac_(encoder1.weight);");
        module.ShouldContain("init.eye_(encoder3.weight);");
        module.ShouldContain("init.eye_(decoder0.weight);");
        var yaml = GeneratorHarness.RunYaml("""
            name: IdentityStart
            namespace: Examples
            input: [3, 8, 8]
            init: identity
            encoder:
              - conv2d: {out_channels: 16, kernel_size: 3, padding: 1, init: torch_default}
              - conv2d: {out_channels: 16, kernel_size: 3, padding: 1}
              - flatten: {}
              - dense: {units: 32}
            decoder:
              - dense: {units: 192}
              - unflatten: {shape: [3, 8, 8]}
            """);
        yaml.Result.Diagnostics.ShouldBeEmpty();
        var fromYaml = yaml.Source(".Module.g.cs");
        fromYaml.ShouldNotContain("(encoder0.weight)");
        foreach (var line in new[] { "init.dirac_(encoder1.weight);", "init.eye_(encoder3.weight);", "init.eye_(decoder0.weight);" })
            fromYaml.ShouldContain(line);
    }

    [Fact]
    public void Model_init_generates_the_same_code_as_setting_it_on_every_layer()
    {
        var perLayer = Models.Normed
            .Replace("[Autoencoder(Init = WeightInit.KaimingNormal)]", "[Autoencoder]")
            .Replace("Stride = 2, Padding = 1)]", "Stride = 2, Padding = 1, Init = WeightInit.KaimingNormal)]")
            .Replace("[Dense(32)]", "[Dense(32, Init = WeightInit.KaimingNormal)]")
            .Replace(", Init = WeightInit.TorchDefault)", ")")
            .Replace("OutputPadding = 1)]", "OutputPadding = 1, Init = WeightInit.KaimingNormal)]");
        perLayer.ShouldNotBe(Models.Normed);

        var expected = GeneratorHarness.Run(perLayer);

        GeneratedCodeTests.AssertCompilesCleanly(expected);
        GeneratorHarness.Run(Models.Normed).Source(".Module.g.cs").ShouldBe(expected.Source(".Module.g.cs"));
    }

    [Fact]
    public void Model_init_reaches_the_layers_of_a_residual_block_and_its_projection()
    {
        const string source = DiagnosticTests.Header + """
            [Autoencoder(Init = WeightInit.GlorotNormal), Input(4, 8, 8)]
            public partial class ResidualNorm
            {
                [Residual(Activation.ReLU)]
                    [Conv2d(8, 3, Stride = 2, Padding = 1)]
                    [GroupNorm(2)]
                [EndResidual]
                [Flatten, Dense(16)]
                public partial Tensor Encode(Tensor x);

                [Dense(256), Unflatten(4, 8, 8), LayerNorm]
                public partial Tensor Decode(Tensor z);
            }
            """;

        var run = GeneratorHarness.Run(source);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("init.xavier_normal_(encoder0_0.weight);");
        module.ShouldContain("init.ones_(encoder0_1.weight);");
        module.ShouldContain("init.xavier_normal_(encoder0_projection.weight);");
        module.ShouldContain("init.xavier_normal_(decoder0.weight);");
    }

    [Fact]
    public void Group_norm_on_features_runs_on_a_trailing_unit_dimension()
    {
        var module = GeneratorHarness.Run(Models.Normed).Source(".Module.g.cs");

        module.ShouldContain("encoder6 = global::TorchSharp.torch.nn.GroupNorm(8, 32);");
        module.ShouldContain("x = encoder6.forward(x.unsqueeze(-1)).squeeze(-1);");
        module.ShouldContain("encoder3 = global::TorchSharp.torch.nn.LayerNorm(new long[] { 16, 4, 4 }, eps: 0.001);");
    }
}
