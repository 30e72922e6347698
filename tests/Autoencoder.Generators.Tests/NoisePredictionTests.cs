using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;
using static Autoencoder.Generators.Tests.DiagnosticTests;
using YamlChecks = Autoencoder.Generators.Tests.Yaml.YamlDiagnosticTests;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// Residual learning for denoisers (DnCNN): <c>[Denoising(..., PredictNoise = true)]</c>, YAML <c>predict_noise: true</c>,
/// makes forward return the input minus what the layers predict; a loss or final activation that cannot carry noise of
/// either sign is an error at the declaration.
/// </summary>
public class NoisePredictionTests
{
    internal const string DnCnn = Header + """
        [Autoencoder]
        [Input(1, Any.Height, Any.Width)]
        [Loss(ReconstructionLoss.MeanSquaredError)]
        [Denoising(NoiseKind.Gaussian, 0.1, PredictNoise = true, Clip = false)]
        public partial class SmallDnCnn
        {
            [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
            [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
            public partial Tensor Encode(Tensor x);

            [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
            [Conv2d(1, 3, Padding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    private const string DnCnnYaml = """
        name: SmallDnCnn
        namespace: Examples
        input: [1, H, W]
        loss: mean_squared_error
        denoising: {noise: gaussian, amount: 0.1, predict_noise: true, clip: false}
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, padding: 1}
          - conv2d: {out_channels: 16, kernel_size: 3, padding: 1, bias: false}
          - batch_norm: {activation: relu}
        decoder:
          - conv2d: {out_channels: 16, kernel_size: 3, padding: 1, bias: false}
          - batch_norm: {activation: relu}
          - conv2d: {out_channels: 1, kernel_size: 3, padding: 1}
        """;

    [Fact]
    public void Forward_takes_the_predicted_noise_away_from_the_input()
    {
        var run = GeneratorHarness.Run(DnCnn);

        GeneratedCodeTests.AssertCompilesCleanly(run);
        var module = run.Source(".Module.g.cs");
        module.ShouldContain("public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input) => input.sub(Decode(Encode(input)));");
        Snapshot.Match(module, "SmallDnCnn.Module");
    }

    [Fact]
    public void Batch_norm_applies_its_activation_after_normalising()
    {
        var module = GeneratorHarness.Run(DnCnn).Source(".Module.g.cs");

        module.ShouldContain("// BatchNorm(ReLU): [B, 16, H, W] -> [B, 16, H, W]");
        module.ShouldContain("x = global::TorchSharp.torch.nn.functional.relu(global::Autoencoder.Runtime.Torch.HeldBatchNorm.Forward(encoder2, x));");
        GeneratorHarness.Run(DnCnn.Replace("BatchNorm(Activation = Activation.ReLU)", "BatchNorm")).Source(".Module.g.cs")
            .ShouldContain("// BatchNorm: [B, 16, H, W] -> [B, 16, H, W]");
    }

    [Fact]
    public void Without_it_forward_is_the_reconstruction()
    {
        var module = GeneratorHarness.Run(DnCnn.Replace(", PredictNoise = true", string.Empty)).Source(".Module.g.cs");

        module.ShouldContain("forward(global::TorchSharp.torch.Tensor input) => Decode(Encode(input));");
    }

    [Fact]
    public void Unclipped_noise_is_drawn_as_the_benchmarks_draw_it()
    {
        var module = GeneratorHarness.Run(DnCnn).Source(".Module.g.cs");
        var clipped = GeneratorHarness.Run(DnCnn.Replace(", Clip = false", string.Empty)).Source(".Module.g.cs");

        module.ShouldContain("ImageCorruption.Gaussian(images, NoiseAmount, generator, clip: false);");
        module.ShouldContain("not clipped (values may leave [0, 1])");
        clipped.ShouldContain("ImageCorruption.Gaussian(images, NoiseAmount, generator);");
    }

    [Fact]
    public void AE0010_clip_is_for_gaussian_noise_only()
    {
        var source = DnCnn.Replace("NoiseKind.Gaussian, 0.1, PredictNoise = true, Clip = false", "NoiseKind.Masking, 0.1, Clip = false");

        var diagnostic = Single(source, "AE0010");

        diagnostic.GetMessage().ShouldStartWith("Clip = false applies to Gaussian noise; Masking noise on 'SmallDnCnn' only sets pixels to 0 or 1");
    }

    [Fact]
    public void Yaml_and_attribute_twins_generate_the_same_code()
    {
        var fromYaml = GeneratorHarness.RunYaml(DnCnnYaml);
        var fromAttributes = GeneratorHarness.Run(DnCnn);

        fromYaml.Result.Diagnostics.ShouldBeEmpty();
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), "SmallDnCnn", "public"));
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), "SmallDnCnn", "public"));
    }

    [Fact]
    public void AE0010_a_cross_entropy_loss_cannot_train_a_noise_prediction()
    {
        var source = DnCnn.Replace("ReconstructionLoss.MeanSquaredError", "ReconstructionLoss.BinaryCrossEntropyWithLogits");

        var diagnostic = Single(source, "AE0010");

        diagnostic.GetMessage().ShouldContain("PredictNoise makes 'SmallDnCnn' return its input minus the predicted noise");
        AssertAt(diagnostic, source, "Denoising(NoiseKind.Gaussian, 0.1, PredictNoise = true, Clip = false)", length: "Denoising(NoiseKind.Gaussian, 0.1, PredictNoise = true, Clip = false)".Length);
    }

    [Fact]
    public void AE0010_a_decoder_ending_in_relu_cannot_predict_noise_of_either_sign_in_yaml()
    {
        var yaml = DnCnnYaml.Replace("- conv2d: {out_channels: 1, kernel_size: 3, padding: 1}", "- conv2d: {out_channels: 1, kernel_size: 3, padding: 1, activation: relu}");

        var diagnostic = YamlChecks.Single(yaml, "AE0010");

        diagnostic.GetMessage().ShouldContain("ends with Activation.ReLU: end it with no activation");
        YamlChecks.AssertAt(diagnostic, yaml, "conv2d: {out_channels: 1, kernel_size: 3, padding: 1, activation: relu}",
            length: "conv2d: {out_channels: 1, kernel_size: 3, padding: 1, activation: relu}".Length);
    }
}
