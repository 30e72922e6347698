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

    [Fact]
    public void A_colour_denoiser_learns_on_patches_of_the_sample_photos()
    {
        var trainer = PhotoNoisePredictor.Trainer.Create();
        var photos = System.IO.Path.Combine(Autoencoder.Runtime.Tests.Shared.RepoPaths.Root, "samples", "photos");
        using var photo = Autoencoder.Runtime.Imaging.ImageFile.LoadNative(System.IO.Path.Combine(photos, "chelsea.png"), 3).unsqueeze(0);
        var before = Restored(trainer.Model, photo);

        // camera.png is grey: repeated in R, G and B, as asked for here.
        var folder = trainer.ImageFolder(photos)!;
        var report = trainer.Fit(new Autoencoder.Runtime.Data.ImageFolderData(photos, folder.Options with { ConvertColour = true }));

        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        var (noisy, restored) = Restored(trainer.Model, photo);
        restored.ShouldBeGreaterThan(before.Restored + 1);
        restored.ShouldBeGreaterThan(noisy + 1);
    }

    // PSNR of the noisy photo and of what the model restores from it (rounded to 8 bits), with the same seeded noise.
    private static (double Noisy, double Restored) Restored(PhotoNoisePredictor model, Tensor photo)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        using var generator = new Generator(2017);
        var noisy = PhotoNoisePredictor.Corrupt(photo, generator);
        var restored = model.Denoise(noisy).clamp(Autoencoder.Runtime.Torch.HeldScalars.Zero, Autoencoder.Runtime.Torch.HeldScalars.One).mul(Autoencoder.Runtime.Torch.HeldScalars.Of(255.0)).round().div(Autoencoder.Runtime.Torch.HeldScalars.Of(255.0));
        return (ReconstructionMetrics.PsnrPerImage(photo, noisy)[0], ReconstructionMetrics.PsnrPerImage(photo, restored)[0]);
    }
}
