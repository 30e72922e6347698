using System.Linq;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>The normalisation layers' and the model Init's diagnostics: id, full message and the attribute they point at.</summary>
public class NormLayerDiagnosticTests
{
    [Fact]
    public void AE0009_group_norm_groups_do_not_divide_the_channels()
    {
        const string source = Header + """
            [Autoencoder, Input(6, 4, 4)]
            public partial class Uneven
            {
                [GroupNorm(4), Flatten, Dense(8)] public partial Tensor Encode(Tensor x);
                [Dense(96), Unflatten(6, 4, 4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("GroupNorm(4) in the encoder cannot take input [B, 6, 4, 4]: its 6 channels are not divisible by its 4 groups");
        AssertAt(diagnostic, source, "GroupNorm(4)", length: "GroupNorm(4)".Length);
    }

    [Fact]
    public void AE0009_group_norm_on_features_divides_the_feature_count()
    {
        const string source = Header + """
            [Autoencoder, Input(10)]
            public partial class UnevenFeatures
            {
                [Dense(6), GroupNorm(4, Epsilon = 1e-3)] public partial Tensor Encode(Tensor x);
                [Dense(10)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0009");
        diagnostic.GetMessage().ShouldBe("GroupNorm(4, eps 0.001) in the encoder cannot take input [B, 6]: its 6 features are not divisible by its 4 groups");
        AssertAt(diagnostic, source, "GroupNorm(4, Epsilon = 1e-3)", length: "GroupNorm(4, Epsilon = 1e-3)".Length);
    }

    [Fact]
    public void AE0007_non_positive_groups_and_bad_epsilons()
    {
        const string source = Header + """
            [Autoencoder, Input(4)]
            public partial class BadNorms
            {
                [GroupNorm(0), LayerNorm(Epsilon = 0)] public partial Tensor Encode(Tensor x);
                [GroupNorm(2, Epsilon = double.NaN), LayerNorm(Epsilon = double.PositiveInfinity)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostics = DiagnosticTests.Diagnostics(source);
        diagnostics.Select(d => d.Id).ShouldAllBe(id => id == "AE0007");
        diagnostics.Select(d => d.GetMessage()).ShouldBe(new[]
        {
            "The number of groups of GroupNorm(0) in the encoder must be positive, but is 0",
            "Epsilon of LayerNorm(eps 0.0) in the encoder must be a finite number > 0, but is 0.0",
            "Epsilon of GroupNorm(2, eps NaN) in the decoder must be a finite number > 0, but is NaN",
            "Epsilon of LayerNorm(eps Infinity) in the decoder must be a finite number > 0, but is Infinity",
        });
        AssertAt(diagnostics[1], source, "LayerNorm(Epsilon = 0)", length: "LayerNorm(Epsilon = 0)".Length);
    }

    [Fact]
    public void AE0007_model_init_out_of_range_points_at_the_autoencoder_attribute()
    {
        const string source = Header + """
            [Autoencoder(Init = (WeightInit)9), Input(4)]
            public partial class BadInit
            {
                [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4)] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0007");
        diagnostic.GetMessage().ShouldBe("The Init of 'BadInit' must be one of Default, GlorotUniform, GlorotNormal, KaimingUniform, KaimingNormal, TorchDefault, Identity, but is 9");
        AssertAt(diagnostic, source, "Autoencoder(Init = (WeightInit)9)", length: "Autoencoder(Init = (WeightInit)9)".Length);
    }

    [Fact]
    public void AE0010_binary_cross_entropy_after_a_norm_layer()
    {
        const string source = Header + """
            [Autoencoder, Input(4), Loss(ReconstructionLoss.BinaryCrossEntropy)]
            public partial class NormalisedOutput
            {
                [Dense(2)] public partial Tensor Encode(Tensor x);
                [Dense(4, Activation.Sigmoid), LayerNorm] public partial Tensor Decode(Tensor z);
            }
            """;

        var diagnostic = Single(source, "AE0010");
        diagnostic.GetMessage().ShouldStartWith("BinaryCrossEntropy needs reconstructions in [0, 1], but the decoder of 'NormalisedOutput' ends with activation None");
        AssertAt(diagnostic, source, "LayerNorm]", length: "LayerNorm".Length);
    }
}
