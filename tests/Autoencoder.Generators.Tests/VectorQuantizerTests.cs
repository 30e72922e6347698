using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>The VQ-VAE codebook: snapshots of both variants, the YAML twin, the summary and counts, and AE0040-AE0042.</summary>
public class VectorQuantizerTests
{
    /// <summary>A conv VQ-VAE with an EMA codebook: [1, 12, 12] -> [4, 6, 6] codes from 16 vectors.</summary>
    internal const string Ema = Models.Usings + """
        namespace Examples.Vq;

        [Autoencoder]
        [Input(1, 12, 12)]
        [VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]
        [Loss(ReconstructionLoss.MeanSquaredError)]
        public partial class EmaVqVae
        {
            [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [Conv2d(4, 3, SamePadding = true)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
            [Conv2d(1, 3, Activation.Sigmoid, SamePadding = true)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    internal const string EmaYaml = """
        name: EmaVqVae
        namespace: Examples.Vq
        input: [1, 12, 12]
        vector_quantized: {codes: 16, dimension: 4, ema: true, codebook_decay: 0.9}
        loss: mean_squared_error
        encoder:
          - conv2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1}
          - conv2d: {out_channels: 4, kernel_size: 3, same_padding: true}
        decoder:
          - conv_transpose2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1, output_padding: 1}
          - conv2d: {out_channels: 1, kernel_size: 3, activation: sigmoid, same_padding: true}
        """;

    /// <summary>A dense VQ-VAE whose codebook is learned by gradient, with logits and a custom β.</summary>
    internal const string Gradient = Models.Usings + """
        namespace Examples.Vq;

        [Autoencoder]
        [Input(12)]
        [VectorQuantized(8, 3, CommitmentWeight = 0.5, DeadCodeThreshold = 0.5)]
        [Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
        public partial class DenseVqVae
        {
            [Dense(16, Activation.ReLU)]
            [Dense(3)]
            public partial Tensor Encode(Tensor x);

            [Dense(12)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    [Fact]
    public void Ema_model_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(Ema);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "EmaVq.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "EmaVq.Trainer");
    }

    [Fact]
    public void Gradient_model_generates_module()
    {
        var run = GeneratorHarness.Run(Gradient);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "GradientVq.Module");
    }

    [Fact]
    public void Yaml_twin_generates_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(EmaYaml);
        var fromAttributes = GeneratorHarness.Run(Ema);

        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "EmaVqVae"));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), "EmaVqVae"));
    }

    [Fact]
    public void Codebook_enters_summary_parameter_count_and_fingerprint()
    {
        var module = GeneratorHarness.Run(Ema).Source(".Module.g.cs");
        var plain = GeneratorHarness.Run(Ema.Replace("[VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]", string.Empty)).Source(".Module.g.cs");
        var bigger = GeneratorHarness.Run(Ema.Replace("VectorQuantized(16, 4,", "VectorQuantized(32, 4,")).Source(".Module.g.cs");

        // Conv 1·8·9+8, Conv 8·4·9+4 | ConvT 4·8·9+8, Conv 8·9+1; codebook 16·4.
        const long layers = 80 + 292 + 296 + 73;
        module.ShouldContain("public const long ParameterCount = " + (layers + 64) + ";");
        plain.ShouldContain("public const long ParameterCount = " + layers + ";");
        module.ShouldContain("\"quantizer  VectorQuantizer(16, 4, EMA)");
        Fingerprint(module).ShouldNotBe(Fingerprint(plain));
        Fingerprint(module).ShouldNotBe(Fingerprint(bigger));
    }

    [Fact]
    public void Trainer_trains_on_the_objective()
    {
        var trainer = GeneratorHarness.Run(Ema).Source(".Trainer.g.cs");

        trainer.ShouldContain("TrainingLoop.Fit(Model, optimizer, Model.TrainingObjective,");
    }

    [Fact]
    public void Ema_objective_has_no_codebook_term_and_gradient_objective_has_one()
    {
        var ema = GeneratorHarness.Run(Ema).Source(".Module.g.cs");
        var gradient = GeneratorHarness.Run(Gradient).Source(".Module.g.cs");

        ema.ShouldNotContain("LossTerm(\"codebook\"");
        ema.ShouldContain("VectorQuantizer.WithMovingAverages(");
        ema.ShouldContain("the buffers codebook, codebook_cluster_size and codebook_embedding_sum.");
        gradient.ShouldContain("LossTerm(\"codebook\", codebookLoss)");
        gradient.ShouldContain("VectorQuantizer.LearnedByGradient(");
        gradient.ShouldContain("the parameter codebook and the buffer codebook_usage.");
    }

    [Fact]
    public void Threshold_zero_turns_dead_code_resets_off()
    {
        var module = GeneratorHarness.Run(Gradient.Replace("DeadCodeThreshold = 0.5", "DeadCodeThreshold = 0")).Source(".Module.g.cs");

        module.ShouldContain("\"quantizer\", this, CodebookSize, CodeDimension, CommitmentWeight, DeadCodeThreshold);");
        module.ShouldContain("public const double DeadCodeThreshold = 0.0;");
        module.ShouldNotContain("codebook_usage");
    }

    [Fact]
    public void AE0040_encoder_channels_differ_from_the_dimension()
    {
        var source = Ema.Replace("VectorQuantized(16, 4,", "VectorQuantized(16, 6,");

        var diagnostic = DiagnosticTests.Single(source, "AE0040");

        diagnostic.GetMessage().ShouldBe(
            "The encoder of 'EmaVqVae' outputs [B, 4, 6, 6], whose channel axis has 4 values, but the vector quantizer's dimension is 6: the quantizer replaces each vector along the channel axis ([B, D, H, W] or [B, D]) with a code; make the encoder's last layer output 6 channels, or set the dimension to 4");
        DiagnosticTests.AssertAt(diagnostic, source, "VectorQuantized(16, 6", length: "VectorQuantized(16, 6, Ema = true, CodebookDecay = 0.9)".Length);
    }

    [Theory]
    [InlineData("VectorQuantized(1, 4, Ema = true)", "The codebook size (codes) of the vector quantizer must be at least 2, but is 1")]
    [InlineData("VectorQuantized(16, 0, Ema = true)", "The code dimension of the vector quantizer must be at least 1, but is 0")]
    [InlineData("VectorQuantized(16, 4, CommitmentWeight = -0.1)", "CommitmentWeight of the vector quantizer must be a finite number ≥ 0, but is -0.1")]
    [InlineData("VectorQuantized(16, 4, Ema = true, CodebookDecay = 1)", "CodebookDecay of the vector quantizer must be in (0, 1), but is 1.0")]
    [InlineData("VectorQuantized(16, 4, Ema = true, CodebookEpsilon = 0)", "CodebookEpsilon of the vector quantizer must be a finite number > 0, but is 0.0")]
    [InlineData("VectorQuantized(16, 4, DeadCodeThreshold = -1)", "DeadCodeThreshold of the vector quantizer must be a finite number ≥ 0 (0 turns resets off), but is -1.0")]
    public void AE0041_settings_out_of_range(string attribute, string message)
    {
        var source = Ema.Replace("VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)", attribute);

        var diagnostic = DiagnosticTests.Single(source, "AE0041");

        diagnostic.GetMessage().ShouldBe(message);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Theory]
    [InlineData("CodebookDecay = 0.9")]
    [InlineData("CodebookEpsilon = 0.001")]
    public void AE0042_ema_settings_without_ema(string setting)
    {
        var attribute = "VectorQuantized(16, 4, " + setting + ")";
        var source = Ema.Replace("VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)", attribute);

        var diagnostic = DiagnosticTests.Single(source, "AE0042");

        var name = setting.Split(' ')[0];
        diagnostic.GetMessage().ShouldBe(name + " applies to the EMA codebook only, but the codebook is learned by gradient: set Ema = true ('ema: true' in YAML), or remove " + name);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Fact]
    public void AE0043_variational_and_vector_quantized_on_one_model()
    {
        var source = Ema.Replace("[VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]", "[Variational(4)]\n[VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0043");

        diagnostic.GetMessage().ShouldBe("'EmaVqVae' declares both a variational code and a vector quantizer, but a model has one kind of code: keep one of them");
        DiagnosticTests.AssertAt(diagnostic, source, "VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)", length: "VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9)".Length);
    }

    private static string Fingerprint(string module)
        => module.Split('\n').Single(l => l.Contains("public const string Fingerprint"));
}
