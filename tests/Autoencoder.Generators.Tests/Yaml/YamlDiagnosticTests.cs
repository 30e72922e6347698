using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>Every YAML problem is one error at the file's line and column, with a message that says what to write.</summary>
public class YamlDiagnosticTests
{
    private const string Valid = """
        name: Small
        input: [4]
        encoder:
          - dense: {units: 2, activation: relu}
        decoder:
          - dense: {units: 4}
        """;

    [Fact]
    public void AE0101_syntax_error_points_at_the_problem()
    {
        const string yaml = "name: Small\n  input: [4]\n";

        var diagnostic = Single(yaml, "AE0101");

        diagnostic.GetMessage().ShouldBe("'model.ae.yaml' is not a valid model file: While scanning a plain scalar value, found invalid mapping.");
        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(GeneratorHarness.YamlPath);
        (span.StartLinePosition.Line, span.StartLinePosition.Character).ShouldBe((1, 7));
    }

    [Fact]
    public void AE0101_unclosed_flow_list_is_a_syntax_error_not_a_crash()
    {
        const string yaml = "name: Small\ninput: [4\nencoder: []\n";

        var diagnostic = Single(yaml, "AE0101");

        diagnostic.GetMessage().ShouldEndWith("look for an unclosed '[' or '{'");
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(3);
    }

    [Fact]
    public void AE0101_more_than_one_document()
    {
        var diagnostic = Single(Valid + "\n---\nname: Other\n", "AE0101");

        diagnostic.GetMessage().ShouldBe("'model.ae.yaml' is not a valid model file: a model file holds exactly one YAML document, but this one has 2");
    }

    [Fact]
    public void AE0102_unknown_key_suggests_the_closest()
    {
        var yaml = Valid.Replace("activation: relu", "activaton: relu");

        var diagnostic = Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldBe("'activaton' is not a key of a dense layer; did you mean 'activation'?");
        AssertAt(diagnostic, yaml, "activaton", length: 9);
    }

    [Fact]
    public void AE0102_unknown_layer_kind_suggests_the_closest()
    {
        var yaml = Valid.Replace("- dense: {units: 4}", "- dnese: {units: 4}");

        var diagnostic = Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldBe("'dnese' is not a key of a layer (the key names its kind); did you mean 'dense'?");
        AssertAt(diagnostic, yaml, "dnese", length: 5);
    }

    [Fact]
    public void AE0102_unrelated_key_lists_the_valid_ones()
    {
        var diagnostic = Single(Valid + "\ncolour: blue\n", "AE0102");

        diagnostic.GetMessage().ShouldBe("'colour' is not a key of a model; use one of 'name', 'namespace', 'accessibility', 'input', 'encoder', 'decoder', 'loss', 'optimizer', 'training', 'training_data', 'init', 'variational', 'denoising', 'sparse', 'contractive', 'vector_quantized', 'compression', 'hyper_encoder', 'hyper_decoder'");
    }

    [Fact]
    public void AE0102_flatten_takes_no_parameters()
    {
        var yaml = Valid.Replace("encoder:\n", "encoder:\n  - flatten: {dims: 1}\n");

        Single(yaml, "AE0102").GetMessage().ShouldBe("'dims' is not a key of a flatten layer (it takes no parameters)");
    }

    private const string ValidConv = """
        name: SmallConv
        input: [1, 8, 8]
        encoder:
          - conv2d: {out_channels: 4, kernel_size: 3, stride: 2, padding: 1, activation: relu}
        decoder:
          - conv_transpose2d: {out_channels: 1, kernel_size: 3, stride: 2, padding: 1, output_padding: 1}
        """;

    [Fact]
    public void Valid_conv_model_has_no_diagnostics()
    {
        var run = GeneratorHarness.RunYaml(ValidConv);

        run.Result.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
    }

    [Fact]
    public void AE0102_misspelt_conv_key_suggests_the_closest()
    {
        var yaml = ValidConv.Replace("kernel_size: 3, stride: 2, padding: 1, activation", "kernal_size: 3, stride: 2, padding: 1, activation");

        var diagnostics = GeneratorHarness.RunYaml(yaml).Result.Diagnostics;

        // The misspelt key is unknown, so the required kernel size is also missing: two errors, no guessing.
        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0102", "AE0104" }, ignoreOrder: true);
        var unknown = diagnostics.Single(d => d.Id == "AE0102");
        unknown.GetMessage().ShouldBe("'kernal_size' is not a key of a conv2d layer; did you mean 'kernel_size'?");
        AssertAt(unknown, yaml, "kernal_size", length: "kernal_size".Length);
        diagnostics.Single(d => d.Id == "AE0104").GetMessage().ShouldBe(
            "The conv2d layer 1 of the encoder has no 'kernel_size', which is required: e.g. 'conv2d: {out_channels: 16, kernel_size: 3}'");
    }

    [Fact]
    public void AE0102_output_padding_is_not_a_conv2d_key()
    {
        var yaml = ValidConv.Replace("padding: 1, activation", "padding: 1, output_padding: 1, activation");

        // Too far from every conv2d key for a suggestion, so the message lists them all.
        Single(yaml, "AE0102").GetMessage().ShouldBe(
            "'output_padding' is not a key of a conv2d layer; use one of 'out_channels', 'kernel_size', 'stride', 'padding', 'same_padding', "
            + "'dilation', 'groups', 'bias', 'activation', 'init', 'negative_slope'");
    }

    [Fact]
    public void AE0103_output_padding_of_the_wrong_type()
    {
        var yaml = ValidConv.Replace("output_padding: 1", "output_padding: [1, 1]");

        var diagnostic = Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe("'output_padding' of layer 1 of the decoder must be an integer, but is a list");
        AssertAt(diagnostic, yaml, "[1, 1]", length: "[1, 1]".Length);
    }

    [Fact]
    public void AE0104_pool_without_kernel_size()
    {
        var yaml = ValidConv.Replace("encoder:\n", "encoder:\n  - max_pool2d: {stride: 1}\n");

        Single(yaml, "AE0104").GetMessage().ShouldBe("The max_pool2d layer 1 of the encoder has no 'kernel_size', which is required: e.g. 'max_pool2d: {kernel_size: 2}'");
    }

    [Fact]
    public void AE0007_unknown_upsampling_mode_lists_the_valid_ones()
    {
        var yaml = ValidConv.Replace("decoder:\n", "decoder:\n  - upsample: {scale: 1, mode: bicubic}\n");

        Single(yaml, "AE0007").GetMessage().ShouldBe("The mode of layer 1 of the decoder must be one of 'nearest', 'bilinear', but is 'bicubic'");
    }

    [Fact]
    public void AE0103_root_that_is_not_a_map()
    {
        var diagnostic = Single("- dense: {units: 4}\n", "AE0103");

        diagnostic.GetMessage().ShouldBe("A model must be a map such as '{ key: value }', but is a list");
        AssertAt(diagnostic, "- dense: {units: 4}\n", "- dense", length: "- dense: {units: 4}".Length);
    }

    [Fact]
    public void AE0103_value_of_the_wrong_type()
    {
        var yaml = Valid.Replace("{units: 2,", "{units: two,");

        var diagnostic = Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe("'units' of layer 1 of the encoder must be an integer, but is 'two'");
        AssertAt(diagnostic, yaml, "two", length: 3);
    }

    [Fact]
    public void AE0103_quoted_number_is_a_string()
    {
        var yaml = Valid.Replace("input: [4]", "input: [\"4\"]");

        Single(yaml, "AE0103").GetMessage().ShouldBe("Each size in 'input' must be an integer, but is '4'");
    }

    [Fact]
    public void AE0104_missing_required_field()
    {
        var yaml = Valid.Replace("input: [4]\n", string.Empty);

        var diagnostic = Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldBe("The model has no 'input', which is required: the shape of one sample, e.g. 'input: [1, 28, 28]', or 'input: [3, H, W]' for any size");
        AssertAt(diagnostic, yaml, "name: Small", length: yaml.Length);
    }

    [Fact]
    public void AE0104_dense_without_units()
    {
        var yaml = Valid.Replace("{units: 4}", "{activation: sigmoid}");

        var diagnostic = Single(yaml, "AE0104");

        diagnostic.GetMessage().ShouldBe("The dense layer 1 of the decoder has no 'units', which is required: e.g. 'dense: {units: 32}'");
        AssertAt(diagnostic, yaml, "{activation: sigmoid}", length: "{activation: sigmoid}".Length);
    }

    [Fact]
    public void AE0007_unknown_enum_value_lists_the_valid_ones()
    {
        var yaml = Valid.Replace("activation: relu", "activation: rleu");

        var diagnostic = Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("The activation of layer 1 of the encoder must be one of 'none', 'relu', 'leaky_relu', 'sigmoid', 'tanh', 'gelu', but is 'rleu'");
        AssertAt(diagnostic, yaml, "rleu", length: 4);
    }

    [Fact]
    public void AE0007_out_of_range_value_is_caught_by_analysis_at_the_layer()
    {
        var yaml = Valid.Replace("{units: 2,", "{units: 0,");

        var diagnostic = Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("The units of Dense(0, ReLU) in the encoder must be positive, but is 0");
        AssertAt(diagnostic, yaml, "dense: {units: 0", length: "dense: {units: 0, activation: relu}".Length);
    }

    [Fact]
    public void AE0007_optimizer_setting_out_of_range_points_at_the_optimizer()
    {
        var yaml = Valid + "\noptimizer: {kind: adam, learning_rate: 0}\n";

        var diagnostic = Single(yaml, "AE0007");

        diagnostic.GetMessage().ShouldBe("LearningRate must be a finite number > 0, but is 0.0");
        AssertAt(diagnostic, yaml, "{kind: adam", length: "{kind: adam, learning_rate: 0}".Length);
    }

    [Fact]
    public void AE0008_shape_mismatch_points_at_the_last_decoder_layer()
    {
        var yaml = Valid.Replace("{units: 4}", "{units: 5}");

        var diagnostic = Single(yaml, "AE0008");

        diagnostic.GetMessage().ShouldBe("The decoder of 'Small' outputs [B, 5], but the input is [B, 4]: a reconstruction must have the input's shape");
        AssertAt(diagnostic, yaml, "dense: {units: 5}", length: "dense: {units: 5}".Length);
    }

    [Fact]
    public void Tags_are_rejected_and_instantiate_nothing()
    {
        var yaml = Valid.Replace("name: Small", "name: !!python/object/apply:os.system [\"echo pwned\"]");

        var diagnostic = Single(yaml, "AE0103");

        diagnostic.GetMessage().ShouldBe("'name' must be an untagged value (tags are not supported), but is tagged 'tag:yaml.org,2002:python/object/apply:os.system'");
        AssertAt(diagnostic, yaml, "!!python", length: "!!python/object/apply:os.system [\"echo pwned\"]".Length);
    }

    [Fact]
    public void Local_tags_on_layers_are_rejected()
    {
        var yaml = Valid.Replace("- dense: {units: 4}", "- dense: !System.Diagnostics.Process {units: 4}");

        Single(yaml, "AE0103").GetMessage().ShouldBe("A dense layer must be an untagged value (tags are not supported), but is tagged '!System.Diagnostics.Process'");
    }

    [Fact]
    public void Anchors_and_aliases_are_only_shared_nodes()
    {
        const string yaml = """
            name: Shared
            input: [4]
            encoder:
              - dense: &layer {units: 4, activation: relu}
            decoder:
              - dense: *layer
            """;

        var run = GeneratorHarness.RunYaml(yaml);

        run.Result.Diagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
        run.Source(".Module.g.cs").ShouldContain("decoder0 = global::TorchSharp.torch.nn.Linear(4, 4, hasBias: true);");
    }

    [Fact]
    public void A_file_with_errors_generates_nothing_and_reports_every_error()
    {
        var yaml = Valid.Replace("{units: 2,", "{units: two,").Replace("{units: 4}", "{unit: 4}");

        var run = GeneratorHarness.RunYaml(yaml);

        run.Sources.ShouldBeEmpty();
        run.Result.Diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0103", "AE0102", "AE0104" }, ignoreOrder: true);
    }

    [Fact]
    public void AE0013_residual_block_without_layers_points_at_the_block()
    {
        var yaml = Valid.Replace("  - dense: {units: 4}", "  - dense: {units: 4}\n  - residual: {layers: []}");

        var diagnostic = Single(yaml, "AE0013");

        diagnostic.GetMessage().ShouldBe("The residual block in the decoder has no layers: a block adds its input to the output of one or more layers");
        AssertAt(diagnostic, yaml, "residual:", length: "residual: {layers: []}".Length);
    }

    [Fact]
    public void AE0104_residual_block_needs_its_layers()
    {
        var yaml = Valid.Replace("  - dense: {units: 4}", "  - dense: {units: 4}\n  - residual: {activation: relu}");

        Single(yaml, "AE0104").GetMessage().ShouldStartWith("The residual block at layer 2 of the decoder has no 'layers', which is required");
    }

    [Fact]
    public void AE0102_unknown_key_inside_a_residual_block_names_the_nested_layer()
    {
        var yaml = Valid.Replace("  - dense: {units: 4}", "  - dense: {units: 4}\n  - residual: {layers: [dense: {units: 4, activaton: relu}]}");

        var diagnostic = Single(yaml, "AE0102");

        diagnostic.GetMessage().ShouldStartWith("'activaton' is not a key of a dense layer");
        diagnostic.GetMessage().ShouldContain("'activation'");
        AssertAt(diagnostic, yaml, "activaton", length: "activaton".Length);
    }

    [Fact]
    public void AE0014_residual_shapes_that_cannot_be_added_point_at_the_block()
    {
        var yaml = Valid.Replace("  - dense: {units: 2, activation: relu}", "  - residual: {layers: [unflatten: {shape: [1, 2, 2]}]}\n  - flatten: {}\n  - dense: {units: 2}");

        var diagnostic = Single(yaml, "AE0014");

        diagnostic.GetMessage().ShouldBe(
            "The residual block Residual(1 layer) in the encoder turns [B, 4] into [B, 1, 2, 2], so its input cannot be added to its output: "
            + "a projection maps an image [C, H, W] to an image or features [F] to features, not rank 1 to rank 3");
        AssertAt(diagnostic, yaml, "residual:", length: "residual: {layers: [unflatten: {shape: [1, 2, 2]}]}".Length);
    }

    internal static Diagnostic Single(string yaml, string id)
    {
        var run = GeneratorHarness.RunYaml(yaml);

        // No model code; a model the analysis rejects gets its stand-in surface, which compiles cleanly.
        run.Sources.ShouldAllBe(s => s.HintName.EndsWith(".Errors.g.cs", System.StringComparison.Ordinal));
        run.CompilationProblems.ShouldBeEmpty();
        var diagnostics = run.Result.Diagnostics;
        diagnostics.Select(d => d.Id).ShouldBe(new[] { id }, string.Join("\n", diagnostics));
        return diagnostics[0];
    }

    /// <summary>The diagnostic starts where <paramref name="marker"/> first occurs, in 0-based lines and columns.</summary>
    internal static void AssertAt(Diagnostic diagnostic, string yaml, string marker, int length)
    {
        var index = yaml.IndexOf(marker, System.StringComparison.Ordinal);
        index.ShouldBeGreaterThanOrEqualTo(0);
        var line = yaml.Take(index).Count(c => c == '\n');
        var column = index - (yaml.LastIndexOf('\n', System.Math.Max(0, index - 1)) + 1);
        if (index == 0)
        {
            column = 0;
        }

        var span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldBe(GeneratorHarness.YamlPath);
        (span.StartLinePosition.Line, span.StartLinePosition.Character).ShouldBe((line, column));
        diagnostic.Location.SourceSpan.Start.ShouldBe(index);
        diagnostic.Location.SourceSpan.Length.ShouldBe(length);
    }
}
