using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Convolutional models: snapshots, clean compilation and parameter counts worked out by hand.</summary>
public class ImageLayerCodeTests
{
    [Fact]
    public void Conv_model_generates_module()
    {
        var run = GeneratorHarness.Run(Models.Conv);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Conv.Module");
    }

    [Fact]
    public void Pooled_model_generates_module()
    {
        var run = GeneratorHarness.Run(Models.Pooled);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "Pooled.Module");
    }

    [Fact]
    public void Conv_model_counts_kernel_weights_and_biases()
    {
        var module = GeneratorHarness.Run(Models.Conv).Source(".Module.g.cs");

        // Conv 3·3·1·16+16, Conv 3·3·16·32+32, Dense 1568·16+16 | Dense 16·1568+1568, ConvT 3·3·32·16+16, ConvT 3·3·16·1+1.
        const long encoder = 160 + 4_640 + 25_104;
        const long decoder = 26_656 + 4_624 + 145;
        module.ShouldContain("public const long ParameterCount = " + (encoder + decoder) + ";");
        module.ShouldContain("// Conv2d(16, 3, stride 2, padding 1, ReLU): [B, 1, 28, 28] -> [B, 16, 14, 14]");
        module.ShouldContain("// ConvTranspose2d(1, 3, stride 2, padding 1, output padding 1, Sigmoid): [B, 16, 14, 14] -> [B, 1, 28, 28]");
    }

    [Fact]
    public void Pooled_model_counts_groups_and_batch_norm_scales_but_not_running_statistics()
    {
        var module = GeneratorHarness.Run(Models.Pooled).Source(".Module.g.cs");

        // Conv 3·3·(2/2)·8+8, BN2d 2·8, Conv 3·3·8·8 (no bias), Dense 288·32+32, BN1d 2·32
        // | Dense 32·392+392, Conv 3·3·8·8+8, Conv 3·3·8·2+2.
        const long encoder = 80 + 16 + 576 + 9_248 + 64;
        const long decoder = 12_936 + 584 + 146;
        module.ShouldContain("public const long ParameterCount = " + (encoder + decoder) + ";");
        module.ShouldContain("// AvgPool2d(3, stride 2): [B, 8, 14, 14] -> [B, 8, 6, 6]");
    }
}
