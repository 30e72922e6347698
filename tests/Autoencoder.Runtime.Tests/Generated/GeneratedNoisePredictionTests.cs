using System.Linq;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>A generated noise-predicting denoiser returns its input minus its layers' output, and learns to denoise.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedNoisePredictionTests
{
    [Fact]
    public void Forward_is_the_input_minus_the_predicted_noise()
    {
        using var model = new NoisePredictingDenoiser();
        model.eval();
        using var input = rand(4, 1, 8, 8);

        using var output = model.forward(input);
        using var noise = model.Decode(model.Encode(input));
        using var expected = input - noise;

        output.allclose(expected).ShouldBeTrue();
    }

    [Fact]
    public void The_denoiser_learns_and_beats_the_noisy_input()
    {
        using var clean = SyntheticImages.Create(512, seed: 8).reshape(512, 1, 8, 8);
        var trainer = NoisePredictingDenoiser.Trainer.Create();

        var report = trainer.Fit(clean);

        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        using var generator = new Generator(4);
        using var noisy = NoisePredictingDenoiser.Corrupt(clean, generator);
        trainer.Model.eval();
        using (no_grad())
        {
            using var restored = trainer.Model.Denoise(noisy);
            var noisyPsnr = ReconstructionMetrics.PsnrPerImage(clean, noisy).Average();
            var restoredPsnr = ReconstructionMetrics.PsnrPerImage(clean, restored).Average();
            restoredPsnr.ShouldBeGreaterThan(noisyPsnr + 1);
        }
    }
}
