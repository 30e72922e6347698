using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Generated hyperprior codecs trained briefly on MNIST: the rate and the distortion fall, and the images go through real
/// streams (side information and code in one) to what the model itself reconstructs in evaluation mode.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedHyperpriorTests
{
    private static Dictionary<string, double> Terms(nn.Module model, System.Func<Tensor, Autoencoder.Runtime.Training.BatchObjective> objective, Tensor images)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return objective(images).Terms.ToDictionary(t => t.Name, t => (double)t.Value.item<float>());
    }

    [Fact]
    public void Scale_hyperprior_learns_and_its_streams_decode_to_the_models_reconstruction()
    {
        var trainer = ScaleHyperpriorCodec.Trainer.Create();
        using var train = Padded(MnistSubset.Train, 2000);
        TrainsAndRoundTrips(trainer.Model, trainer.Model.TrainingObjective, () => trainer.Fit(train));
    }

    [Fact]
    public void Mean_and_scale_hyperprior_learns_and_its_streams_decode_to_the_models_reconstruction()
    {
        var trainer = MeanScaleHyperpriorCodec.Trainer.Create();
        using var train = Padded(MnistSubset.Train, 2000);
        TrainsAndRoundTrips(trainer.Model, trainer.Model.TrainingObjective, () => trainer.Fit(train));
    }

    // 28×28 digits padded to 32×32, a size the codecs train on whole (multiples of 8).
    private static Tensor Padded(MnistSubset subset, int count)
    {
        using var split = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, subset, maxCount: count);
        return nn.functional.pad(split.Images, [2, 2, 2, 2]);
    }

    private static void TrainsAndRoundTrips<TModel>(TModel model, System.Func<Tensor, Autoencoder.Runtime.Training.BatchObjective> objective, System.Action fit)
        where TModel : nn.Module<Tensor, Tensor>, ICompressionAutoencoder
    {
        using var images = Padded(MnistSubset.Test, 16);
        var before = Terms(model, objective, images);

        fit();

        var after = Terms(model, objective, images);
        after.Keys.ShouldBe(new[] { "distortion", "bpp" });
        after["bpp"].ShouldBeLessThan(before["bpp"]);
        after["distortion"].ShouldBeLessThan(before["distortion"]);

        model.eval();
        var codec = model.CreateCodec();
        codec.ShouldBeOfType<HyperpriorCodec>();
        var streams = codec.EncodeBatch(images);
        using var restored = codec.DecodeBatch(streams);
        restored.shape.ShouldBe(new long[] { 16, 1, 32, 32 });
        using (no_grad())
        {
            using var reconstructed = model.Reconstruct(images);
            using var difference = (restored - reconstructed.clamp(0, 1)).abs();
            // ŷ is decoded exactly; a mean computed in doubles may round one element of y − μ the other way than the
            // float forward pass does, so a few pixels may differ a little.
            difference.mean().item<float>().ShouldBeLessThan(1e-3f);
        }

        // The real rate is near the estimate the model trained on: the estimate in bits per 32×32 image against the stream's
        // bytes (header and recorded sizes included) over the same pixels.
        var estimatedBits = after["bpp"] * 32 * 32;
        var realBits = streams.Average(s => s.Length * 8.0);
        realBits.ShouldBeLessThan(estimatedBits * 1.3 + 200);
        realBits.ShouldBeGreaterThan(estimatedBits * 0.7);
    }
}
