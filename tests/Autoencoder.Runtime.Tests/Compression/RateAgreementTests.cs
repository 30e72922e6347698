using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>
/// Trains the hand-written compression model briefly on MNIST with loss = MSE + λ·bpp and checks that the estimated
/// rate falls and that the bytes the range coder actually writes agree with the density's estimate: the test that the
/// coder and the density are the same model.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class RateAgreementTests(ITestOutputHelper output)
{
    private const int Channels = 16;
    private const double Lambda = 0.5;

    [Fact]
    public void Training_lowers_the_estimated_bits_and_real_streams_match_the_estimate()
    {
        using var train = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Train, maxCount: 400);
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 100);
        using var model = TinyCompressionModel.Create(MnistDataset.ImageSide, Channels, seed: 21);

        var (bitsBefore, mseBefore) = Evaluate(model, test.Images);
        using (var optimizer = new Adam(model.parameters(), learningRate: 5e-3))
        {
            model.train();
            using var generator = new Generator(22);
            for (var epoch = 0; epoch < 15; epoch++)
            {
                using var order = randperm(train.Count, generator: generator);
                for (var start = 0; start < train.Count; start += 40)
                {
                    using var scope = NewDisposeScope();
                    var batch = train.Images.index_select(0, order.narrow(0, start, Math.Min(40, train.Count - start)));
                    optimizer.ZeroGrad();
                    model.Objective(batch, Lambda).Loss.backward();
                    optimizer.Step();
                }
            }
        }

        var (bitsAfter, mseAfter) = Evaluate(model, test.Images);
        var codec = model.CreateCodec();
        var streams = Enumerable.Range(0, test.Count).Select(i =>
        {
            using var image = test.Images[i];
            return codec.Encode(image);
        }).ToArray();
        var payloadBytes = streams.Sum(s => (double)(s.Length - LearnedCodec.HeaderLength));
        var estimatedBytes = bitsAfter * test.Count / 8;

        output.WriteLine($"estimated bits per image: {bitsBefore:F1} before training, {bitsAfter:F1} after (MSE {mseBefore:F4} → {mseAfter:F4})");
        output.WriteLine($"{test.Count} test images: estimate {estimatedBytes:F0} bytes, real payload {payloadBytes:F0} bytes " +
                         $"({payloadBytes / estimatedBytes - 1:P1}), header {LearnedCodec.HeaderLength} bytes per stream, " +
                         $"mean stream {streams.Average(s => s.Length):F1} bytes");

        bitsAfter.ShouldBeLessThan(0.8 * bitsBefore);
        mseAfter.ShouldBeLessThan(mseBefore);
        // The coder's own overhead: a fraction of a bit per value and about one closing byte per stream.
        payloadBytes.ShouldBeLessThan(1.10 * estimatedBytes + test.Count);
        payloadBytes.ShouldBeGreaterThan(0.90 * estimatedBytes);

        // And the streams decode to exactly the model's own reconstruction of the rounded code.
        using var first = codec.Decode(streams[0]);
        using (no_grad())
        {
            model.eval();
            using var expected = model.Decode(model.Encode(test.Images[0].unsqueeze(0)).round())[0].clamp(0, 1);
            first.allclose(expected).ShouldBeTrue();
        }
    }

    // Mean estimated bits per image with rounded codes, and the MSE of the rounded reconstruction.
    private static (double Bits, double Mse) Evaluate(TinyCompressionModel model, Tensor images)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.eval();
        var (quantized, likelihoods) = model.Entropy.forward(model.Encode(images));
        var bits = EntropyBottleneck.BitsPerImage(likelihoods).mean().item<float>();
        var mse = nn.functional.mse_loss(model.Decode(quantized), images).item<float>();
        return (bits, mse);
    }
}
