using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>Residual blocks: generated code, projections chosen from the shapes, and the block diagnostics.</summary>
public class ResidualBlockTests
{
    [Fact]
    public void Residual_model_generates_module()
    {
        var run = GeneratorHarness.Run(Models.Residual);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Residual.Module");
    }

    [Fact]
    public void Residual_model_counts_body_and_projection_weights()
    {
        var module = GeneratorHarness.Run(Models.Residual).Source(".Module.g.cs");

        // Conv 9·1·16+16 | block: 2 × (9·16·16+16) | block: Conv 9·16·32+32, nested Conv 9·32·32+32, projection 16·32
        // | block: Dense 6272·64+64, projection 6272·64.
        const long encoder = 160 + 4_640 + (4_640 + 9_248 + 512) + (401_472 + 401_408);

        // Dense 64·1568+1568 | block: Conv 9·32·8+8, transposed projection 32·8 | ConvT 9·8·1+1.
        const long decoder = 101_920 + (2_312 + 256) + 73;
        module.ShouldContain("public const long ParameterCount = " + (encoder + decoder) + ";");
    }

    [Fact]
    public void Projections_follow_the_change_of_shape()
    {
        var module = GeneratorHarness.Run(Models.Residual).Source(".Module.g.cs");

        module.ShouldContain("encoder2_projection = global::TorchSharp.torch.nn.Conv2d(16, 32, kernel_size: 1, stride: 2, bias: false);");
        module.ShouldContain("encoder4_projection = global::TorchSharp.torch.nn.Linear(6272, 64, hasBias: false);");
        module.ShouldContain("decoder2_projection = global::TorchSharp.torch.nn.ConvTranspose2d(32, 8, kernel_size: 1, stride: 2, output_padding: 1, bias: false);");
        module.ShouldNotContain("encoder1_projection");
        module.ShouldNotContain("encoder2_1_projection");
    }

    [Fact]
    public void Identity_block_adds_its_input_after_the_body()
    {
        var module = GeneratorHarness.Run(Models.Residual).Source(".Module.g.cs");

        module.ShouldContain("// Residual(2 layers, ReLU): [B, 16, 28, 28] -> [B, 16, 28, 28]\n            var encoder1Input = x;");
        module.ShouldContain("// End of encoder1: add its input\n            x = global::TorchSharp.torch.nn.functional.relu(x.add(encoder1Input, One));");
        module.ShouldContain("x = global::TorchSharp.torch.nn.functional.relu(x.add(encoder1Input, One));");
        module.ShouldContain("x = global::TorchSharp.torch.nn.functional.relu(x.add(encoder2_projection.forward(encoder2Input), One));");
        module.ShouldContain("x = x.add(encoder2_1Input, One);");
    }

    [Fact]
    public void Summary_indents_the_body_and_lists_the_projection()
    {
        var module = GeneratorHarness.Run(Models.Residual).Source(".Module.g.cs");

        module.ShouldContain("\"    encoder2_1_0       Conv2d(32, 3, same padding)");
        module.ShouldContain("projection Conv2d(32, 1, stride 2, no bias)");
    }

    [Fact]
    public void AE0013_unclosed_block()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Open
            {
                [Residual(Activation.ReLU), Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0013");
        diagnostic.GetMessage().ShouldBe("[Residual] on 'Encode' opens a block that no [EndResidual] closes: put [EndResidual] after the block's last layer");
        AssertAt(diagnostic, source, "Residual(Activation.ReLU)", length: "Residual(Activation.ReLU)".Length);
    }

    [Fact]
    public void AE0013_end_without_a_block()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Stray
            {
                [Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(8), EndResidual] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0013");
        diagnostic.GetMessage().ShouldBe("[EndResidual] on 'Decode' closes no block: put [Residual] before the block's first layer");
        AssertAt(diagnostic, source, "EndResidual]", length: "EndResidual".Length);
    }

    [Fact]
    public void AE0013_empty_block()
    {
        const string source = Header + """
            [Autoencoder, Input(8)]
            public partial class Empty
            {
                [Dense(8), Residual, EndResidual] public partial Tensor Encode(Tensor x);
                [Dense(8)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0013");
        diagnostic.GetMessage().ShouldBe("The residual block in the encoder has no layers: a block adds its input to the output of one or more layers");
        AssertAt(diagnostic, source, "Residual,", length: "Residual".Length);
    }

    [Fact]
    public void AE0014_block_that_changes_rank()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 4, 4)]
            public partial class Flattening
            {
                [Residual]
                [Flatten]
                [EndResidual]
                public partial Tensor Encode(Tensor x);
                [Unflatten(1, 4, 4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0014");
        diagnostic.GetMessage().ShouldBe(
            "The residual block Residual(1 layer) in the encoder turns [B, 1, 4, 4] into [B, 16], so its input cannot be added to its output: "
            + "a projection maps an image [C, H, W] to an image or features [F] to features, not rank 3 to rank 1");
        AssertAt(diagnostic, source, "Residual]", length: "Residual".Length);
    }

    [Fact]
    public void AE0014_height_and_width_changed_by_different_factors()
    {
        const string source = Header + """
            [Autoencoder, Input(1, 8, 16)]
            public partial class Uneven
            {
                [Residual, Conv2d(4, 5), EndResidual, Flatten] public partial Tensor Encode(Tensor x);
                [Unflatten(1, 8, 16)] public partial Tensor Decode(Tensor z);
            }
            """;

        Single(source, "AE0014").GetMessage().ShouldBe(
            "The residual block Residual(1 layer) in the encoder turns [B, 1, 8, 16] into [B, 4, 4, 12], so its input cannot be added to its output: "
            + "no 1×1 projection with one stride maps 8×16 pixels to 4×12; keep the block's height and width, or change them by the same whole factor");
    }

    [Fact]
    public void Block_at_the_end_of_the_decoder_provides_the_final_activation()
    {
        const string source = Header + """
            [Autoencoder, Input(8), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class Ending
            {
                [Dense(4)] public partial Tensor Encode(Tensor x);
                [Dense(8), Residual(Activation.Sigmoid), Dense(8), EndResidual] public partial Tensor Decode(Tensor z);
            }
            """;

        var run = GeneratorHarness.Run(source);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        run.Source(".Module.g.cs").ShouldContain("z = global::TorchSharp.torch.nn.functional.sigmoid(z.add(decoder1Input, One));");
    }
}
