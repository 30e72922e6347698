using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A generated compression model trained briefly on MNIST: the estimated rate falls, and its images go through real
/// streams and back. Needs the runtime of EntropyBottleneck and LearnedCodec.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedCompressionTests
{
    private static Dictionary<string, double> Terms(MnistCodec model, Tensor images)
    {
        model.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return model.TrainingObjective(images).Terms.ToDictionary(t => t.Name, t => (double)t.Value.item<float>());
    }

    [Fact]
    public void Mnist_codec_learns_a_lower_rate_and_round_trips_its_streams()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 2000);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 64);
        var trainer = MnistCodec.Trainer.Create();
        var model = trainer.Model;
        var before = Terms(model, test.Images);

        trainer.Fit(train.Images);

        var after = Terms(model, test.Images);
        after.Keys.ShouldBe(new[] { "distortion", "bpp" });
        after["bpp"].ShouldBeLessThan(before["bpp"]);
        after["distortion"].ShouldBeLessThan(before["distortion"]);

        // Real streams: one per image, decoded to what the model reconstructs from the rounded code.
        model.eval();
        using var images = test.Images[..8];
        var streams = model.Compress(images);
        streams.Length.ShouldBe(8);
        streams.ShouldAllBe(s => s.Length > 0);
        using var restored = model.Decompress(streams);
        restored.shape.ShouldBe(new long[] { 8, 1, 28, 28 });
        using (no_grad())
        {
            using var reconstructed = model.Reconstruct(images);
            // The codec clamps to [0, 1]; the linear output layer itself does not.
            restored.allclose(reconstructed.clamp(0, 1), rtol: 0, atol: 1e-5).ShouldBeTrue();
        }

        // The rate is the real file size: fewer bits than the 8-bit pixels themselves after 94 steps (the density is still
        // far from trained), with a recognisable image.
        var (bytesPerImage, bitsPerPixel, psnr) = trainer.EvaluateCompression(test.Images);
        bytesPerImage.ShouldBe(model.Compress(test.Images).Average(s => (double)s.Length), 1e-9);
        bitsPerPixel.ShouldBe(bytesPerImage * 8 / MnistCodec.PixelsPerImage, 1e-9);
        bitsPerPixel.ShouldBeLessThan(8.0);
        psnr.ShouldBeGreaterThan(14.0);

        Should.Throw<CorruptStreamException>(() => model.Decompress(new[] { new byte[] { 1, 2, 3 } }));
    }

    [Fact]
    public void Compress_names_the_expected_shape_when_given_another()
    {
        manual_seed(12);
        using var model = new MnistCodec();
        using var flat = zeros(2, 784);

        var error = Should.Throw<System.ArgumentException>(() => model.Compress(flat));

        error.Message.ShouldStartWith("Expected images [N, 1, 28, 28] but got [2, 784].");
    }
}
