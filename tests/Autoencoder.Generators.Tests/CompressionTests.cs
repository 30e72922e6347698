using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Compression models (learned codecs): snapshots of a dense and a conv codec, the YAML twin, and AE0050-AE0054.</summary>
public class CompressionTests
{
    /// <summary>A conv codec: [1, 12, 12] -> a [4, 6, 6] code, MSE distortion, λ = 0.05.</summary>
    internal const string Conv = Models.Usings + """
        namespace Examples.Codecs;

        [Autoencoder]
        [Input(1, 12, 12)]
        [Compression(0.05)]
        [Loss(ReconstructionLoss.MeanSquaredError)]
        public partial class ConvCodec
        {
            [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [Conv2d(4, 3, SamePadding = true)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
            [Conv2d(1, 3, Activation.Sigmoid, SamePadding = true)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    internal const string ConvYaml = """
        name: ConvCodec
        namespace: Examples.Codecs
        input: [1, 12, 12]
        compression: {rate_weight: 0.05}
        loss: mean_squared_error
        encoder:
          - conv2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1}
          - conv2d: {out_channels: 4, kernel_size: 3, same_padding: true}
        decoder:
          - conv_transpose2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1, output_padding: 1}
          - conv2d: {out_channels: 1, kernel_size: 3, activation: sigmoid, same_padding: true}
        """;

    /// <summary>A dense codec on a flat input with logits: 64 -> an [8] code; bpp divides by the 64 elements.</summary>
    internal const string Dense = Models.Usings + """
        namespace Examples.Codecs;

        [Autoencoder]
        [Input(64)]
        [Compression(0.01)]
        [Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
        public partial class DenseCodec
        {
            [Dense(32, Activation.ReLU)]
            [Dense(8)]
            public partial Tensor Encode(Tensor x);

            [Dense(32, Activation.ReLU)]
            [Dense(64)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    [Fact]
    public void Conv_codec_generates_module_and_trainer()
    {
        var run = GeneratorHarness.Run(Conv);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "ConvCodec.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "ConvCodec.Trainer");
    }

    [Fact]
    public void Dense_codec_generates_module()
    {
        var run = GeneratorHarness.Run(Dense);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "DenseCodec.Module");
    }

    [Fact]
    public void Yaml_twin_generates_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(ConvYaml);
        var fromAttributes = GeneratorHarness.Run(Conv);

        GeneratedCodeTests.AssertCompilesCleanly(fromYaml);
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "ConvCodec"));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), "ConvCodec"));
    }

    [Fact]
    public void Codec_api_is_the_contract()
    {
        var module = GeneratorHarness.Run(Conv).Source(".Module.g.cs");
        var dense = GeneratorHarness.Run(Dense).Source(".Module.g.cs");
        var trainer = GeneratorHarness.Run(Conv).Source(".Trainer.g.cs");

        module.ShouldContain("entropy = new global::Autoencoder.Runtime.Compression.EntropyBottleneck(\"entropy\", 4);");
        module.ShouldContain("register_module(\"entropy\", entropy);");
        module.ShouldContain("public const double RateWeight = 0.05;");
        module.ShouldContain("public const long PixelsPerImage = 144;");
        module.ShouldContain("new global::Autoencoder.Runtime.Compression.LearnedCodec(\"ConvCodec λ=0.05\", this, Encode, Decode, entropy, Fingerprint, InputShape, CodeShape);");
        module.ShouldContain("new global::Autoencoder.Runtime.Training.LossTerm(\"distortion\", distortion),");
        module.ShouldContain("new global::Autoencoder.Runtime.Training.LossTerm(\"bpp\", bpp));");
        module.ShouldContain("public byte[][] Compress(global::TorchSharp.torch.Tensor images)");
        module.ShouldContain("public global::TorchSharp.torch.Tensor Decompress(global::System.Collections.Generic.IReadOnlyList<byte[]> streams)");
        trainer.ShouldContain("TrainingLoop.Fit(Model, optimizer, Model.TrainingObjective,");
        trainer.ShouldContain("EvaluateCompression(");

        // A flat input's pixels are its elements; logits are decoded to [0, 1] images by the codec.
        dense.ShouldContain("public const long PixelsPerImage = 64;");
        dense.ShouldContain("code => global::TorchSharp.torch.sigmoid(Decode(code))");
    }

    [Fact]
    public void Entropy_model_enters_summary_and_fingerprint_but_not_the_layer_count()
    {
        var module = GeneratorHarness.Run(Conv).Source(".Module.g.cs");
        var plain = GeneratorHarness.Run(Conv.Replace("[Compression(0.05)]", string.Empty)).Source(".Module.g.cs");
        var otherLambda = GeneratorHarness.Run(Conv.Replace("[Compression(0.05)]", "[Compression(0.5)]")).Source(".Module.g.cs");

        module.ShouldContain("\"entropy   EntropyBottleneck(4)");
        ParameterCount(module).ShouldBe(ParameterCount(plain));
        Fingerprint(module).ShouldNotBe(Fingerprint(plain));
        // λ changes the training, not the architecture: a checkpoint moves between them.
        Fingerprint(module).ShouldBe(Fingerprint(otherLambda));
    }

    [Fact]
    public void Denoising_codec_corrupts_the_encoder_input_while_training()
    {
        var run = GeneratorHarness.Run(Conv.Replace("[Compression(0.05)]", "[Compression(0.05)]\n[Denoising(NoiseKind.Block, 0.25)]"));

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("var input = training ? Corrupt(batch) : batch;");
        module.ShouldContain("var code = entropy.forward(Encode(input));");
        module.ShouldContain("ImageCorruption.Block(images, NoiseAmount, generator)");
    }

    [Theory]
    [InlineData("[VectorQuantized(16, 4)]", "a vector quantizer")]
    [InlineData("[Variational(4)]", "a variational code")]
    public void AE0050_compression_beside_another_code(string other, string what)
    {
        var source = Conv.Replace("[Compression(0.05)]", other + "\n[Compression(0.05)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0050");

        diagnostic.GetMessage().ShouldBe("'ConvCodec' declares both compression and " + what + ", but a model has one kind of code; a compressed code is rounded to integers and entropy-coded, so keep one of them");
        DiagnosticTests.AssertAt(diagnostic, source, "Compression(0.05)", length: "Compression(0.05)".Length);
    }

    [Theory]
    [InlineData("0", "0.0")]
    [InlineData("-0.01", "-0.01")]
    [InlineData("double.NaN", "NaN")]
    [InlineData("double.PositiveInfinity", "Infinity")]
    public void AE0051_lambda_not_positive_and_finite(string lambda, string shown)
    {
        var attribute = "Compression(" + lambda + ")";
        var source = Conv.Replace("Compression(0.05)", attribute);

        var diagnostic = DiagnosticTests.Single(source, "AE0051");

        diagnostic.GetMessage().ShouldBe("RateWeight (λ) of the compression model 'ConvCodec' must be a finite number > 0 (e.g. 0.01; larger gives smaller files and worse reconstructions), but is " + shown);
        DiagnosticTests.AssertAt(diagnostic, source, attribute, length: attribute.Length);
    }

    [Theory]
    [InlineData("Sigmoid", "Activation.Sigmoid", "(0, 1)", "0 and 1")]
    [InlineData("Tanh", "Activation.Tanh", "(−1, 1)", "−1, 0 and 1")]
    public void AE0052_code_through_a_bounded_activation(string activation, string shown, string range, string values)
    {
        var layer = "Conv2d(4, 3, Activation." + activation + ", SamePadding = true)";
        var source = Conv.Replace("Conv2d(4, 3, SamePadding = true)", layer);

        var diagnostic = DiagnosticTests.Single(source, "AE0052");

        diagnostic.GetMessage().ShouldBe("The encoder of 'ConvCodec' ends with " + shown + ", whose outputs lie in " + range + ", so rounding leaves every code value one of " + values + ": end the encoder without an activation, so the code can take any integer and the entropy model learns how many it needs");
        DiagnosticTests.AssertAt(diagnostic, source, layer, length: layer.Length);
    }

    [Theory]
    [InlineData("Sparse(L1Weight = 1e-4)", "The sparsity penalty", "the rate term λ·bpp already makes the code cheap to store")]
    [InlineData("Contractive(0.1)", "The contractive penalty", "the code is rounded to integers")]
    public void AE0053_code_penalty_beside_compression(string penalty, string what, string reason)
    {
        var source = Conv.Replace("[Compression(0.05)]", "[Compression(0.05)]\n[" + penalty + "]");

        var diagnostics = DiagnosticTests.Diagnostics(source);

        // Not AE0023 as well: the compression model's own message says why.
        diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0053" });
        var message = diagnostics[0].GetMessage();
        message.ShouldStartWith(what + " cannot be combined with compression on 'ConvCodec': " + reason);
        message.ShouldEndWith("; remove it, and raise λ for a smaller code");
        DiagnosticTests.AssertAt(diagnostics[0], source, penalty, length: penalty.Length);
    }

    [Fact]
    public void AE0054_code_that_is_neither_features_nor_an_image()
    {
        var source = Dense
            .Replace("[Dense(8)]", "[Dense(8)]\n    [Unflatten(2, 4)]")
            .Replace("[Dense(32, Activation.ReLU)]\n    [Dense(64)]", "[Flatten]\n    [Dense(32, Activation.ReLU)]\n    [Dense(64)]");

        var diagnostic = DiagnosticTests.Single(source, "AE0054");

        diagnostic.GetMessage().ShouldBe("The encoder of 'DenseCodec' outputs [B, 2, 4], but a compressed code is features [C] or an image [C, H, W], the entropy model learning one density per channel: end the encoder with a Dense or a Conv2d layer");
        DiagnosticTests.AssertAt(diagnostic, source, "Unflatten(2, 4)", length: "Unflatten(2, 4)".Length);
    }

    private static string ParameterCount(string module) => module.Split('\n').Single(l => l.Contains("public const long ParameterCount"));

    private static string Fingerprint(string module) => module.Split('\n').Single(l => l.Contains("public const string Fingerprint"));
}
