using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>layer_norm, group_norm and the model's init in YAML: the attributes' checks, at the YAML node.</summary>
public class YamlNormDiagnosticTests
{
    private const string Valid = """
        name: Normed
        input: [6, 4, 4]
        init: glorot_uniform
        encoder:
          - group_norm: {groups: 3}
          - layer_norm: {}
          - flatten: {}
          - dense: {units: 8}
        decoder:
          - dense: {units: 96}
          - unflatten: {shape: [6, 4, 4]}
        """;

    [Fact]
    public void Valid_norm_model_has_no_diagnostics()
    {
        var run = Infrastructure.GeneratorHarness.RunYaml(Valid);

        run.Result.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void AE0009_group_norm_groups_do_not_divide_the_channels()
    {
        var yaml = Valid.Replace("{groups: 3}", "{groups: 4}");

        var diagnostic = Single(yaml, "AE0009");

        diagnostic.GetMessage().ShouldBe("GroupNorm(4) in the encoder cannot take input [B, 6, 4, 4]: its 6 channels are not divisible by its 4 groups");
        AssertAt(diagnostic, yaml, "group_norm: {groups: 4}", length: "group_norm: {groups: 4}".Length);
    }

    [Fact]
    public void AE0007_epsilon_not_positive_is_caught_by_analysis_at_the_layer()
    {
        var yaml = Valid.Replace("layer_norm: {}", "layer_norm: {epsilon: -1e-5}");

        var diagnostic = Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("Epsilon of LayerNorm(eps -1E-05) in the encoder must be a finite number > 0, but is -1E-05");
        AssertAt(diagnostic, yaml, "layer_norm: {epsilon: -1e-5}", length: "layer_norm: {epsilon: -1e-5}".Length);
    }

    [Fact]
    public void AE0007_unknown_model_init_lists_the_valid_ones()
    {
        var yaml = Valid.Replace("init: glorot_uniform", "init: he_normal");

        var diagnostic = Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("The model's 'init' must be one of 'default', 'glorot_uniform', 'glorot_normal', 'kaiming_uniform', 'kaiming_normal', 'torch_default', 'identity', but is 'he_normal'");
        AssertAt(diagnostic, yaml, "he_normal", length: "he_normal".Length);
    }

    [Fact]
    public void AE0104_group_norm_without_groups()
    {
        var yaml = Valid.Replace("{groups: 3}", "{epsilon: 0.001}");

        var diagnostic = Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldBe("The group_norm layer 1 of the encoder has no 'groups', which is required: e.g. 'group_norm: {groups: 4}'");
        AssertAt(diagnostic, yaml, "{epsilon: 0.001}", length: "{epsilon: 0.001}".Length);
    }

    [Fact]
    public void AE0102_misspelt_epsilon_suggests_the_key()
    {
        var yaml = Valid.Replace("layer_norm: {}", "layer_norm: {epsilion: 0.001}");

        var diagnostic = Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldBe("'epsilion' is not a key of a layer_norm layer; did you mean 'epsilon'?");
        AssertAt(diagnostic, yaml, "epsilion", length: "epsilion".Length);
    }

    [Fact]
    public void AE0103_epsilon_of_the_wrong_type()
    {
        var yaml = Valid.Replace("layer_norm: {}", "layer_norm: {epsilon: tiny}");

        var diagnostic = Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe("'epsilon' of layer 2 of the encoder must be a number, but is 'tiny'");
        AssertAt(diagnostic, yaml, "tiny", length: "tiny".Length);
    }
}
