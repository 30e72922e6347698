using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class LearnedCodecTests
{
    private const int Side = 8;
    private const int Channels = 6;

    [Fact]
    public void Codes_round_trip_bit_for_bit_including_values_far_outside_the_tables()
    {
        using var model = TinyCompressionModel.Create(Side, Channels, seed: 1);
        var codec = model.CreateCodec();
        using var generator = new Generator(5);
        foreach (var code in new[]
        {
            (randn(new long[] { Channels }, generator: generator) * 3).round(),
            zeros(Channels),
            tensor(new float[] { 1e6f, -1e6f, 16_777_216f, -3e18f, 9.2e18f, -9.223372e18f }),
        })
        {
            var stream = codec.EncodeCode(code);
            var decoded = codec.DecodeCode(stream);
            decoded.shape.ShouldBe(new long[] { Channels });
            decoded.dtype.ShouldBe(ScalarType.Float32);
            decoded.data<float>().ToArray().ShouldBe(code.data<float>().ToArray());
        }
    }

    [Fact]
    public void Spatial_codes_round_trip_with_one_table_per_channel()
    {
        torch.manual_seed(2).Dispose();
        using var model = new TinyCompressionModel(Side, 3);
        using var bottleneck = new EntropyBottleneck("entropy", 3);
        var codec = new LearnedCodec("spatial", model, x => x, x => x, bottleneck, "spatial", [1, Side, Side], [3, 5, 4]);
        using var generator = new Generator(6);
        using var code = (randn(new long[] { 3, 5, 4 }, generator: generator) * 20).round();
        var stream = codec.EncodeCode(code);
        codec.DecodeCode(stream).eq(code).all().item<bool>().ShouldBeTrue();
        Should.Throw<ArgumentException>(() => codec.EncodeCode(zeros(3, 4, 5))).Message.ShouldContain("[3, 5, 4]");

        // The bottleneck is not inside this model, and still part of the identity: its tables depend on it.
        using (no_grad())
        {
            bottleneck.parameters().First().add_(0.5f);
        }

        Should.Throw<InvalidOperationException>(() => codec.Decode(stream)).Message.ShouldContain("weights changed");
    }

    [Fact]
    public void Codes_that_are_not_finite_integers_are_refused()
    {
        using var model = TinyCompressionModel.Create(Side, Channels, seed: 1);
        var codec = model.CreateCodec();
        Should.Throw<ArgumentException>(() => codec.EncodeCode(full(Channels, 0.5f))).Message.ShouldContain("round the code first");
        Should.Throw<ArgumentException>(() => codec.EncodeCode(full(Channels, float.NaN)));
        Should.Throw<ArgumentException>(() => codec.EncodeCode(full(Channels, 1e19f))).Message.ShouldContain("±2^63");
    }

    [Fact]
    public void Images_encode_and_decode_in_evaluation_mode_and_the_mode_is_restored()
    {
        using var model = TinyCompressionModel.Create(Side, Channels, seed: 3);
        var codec = model.CreateCodec("tiny λ=0.1");
        codec.Name.ShouldBe("tiny λ=0.1");
        using var generator = new Generator(7);
        using var image = rand(new long[] { 1, Side, Side }, generator: generator);

        foreach (var training in new[] { true, false })
        {
            model.train(training);
            var stream = codec.Encode(image);
            model.training.ShouldBe(training);
            using var decoded = codec.Decode(stream);
            model.training.ShouldBe(training);

            decoded.shape.ShouldBe(new long[] { 1, Side, Side });
            decoded.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
            decoded.max().item<float>().ShouldBeLessThanOrEqualTo(1f);
            // Exactly what the model reconstructs from the rounded code.
            using (no_grad())
            {
                model.eval();
                using var expected = model.Decode(model.Encode(image.unsqueeze(0)).round())[0];
                decoded.allclose(expected.clamp(0, 1)).ShouldBeTrue();
                model.train(training);
            }

            decoded.requires_grad.ShouldBeFalse();
            stream.Length.ShouldBeGreaterThan(LearnedCodec.HeaderLength);
        }

        Should.Throw<ArgumentException>(() => codec.Encode(zeros(1, Side + 1, Side))).Message.ShouldContain("[1, 8, 8]");
    }

    [Fact]
    public void Codecs_of_the_same_weights_write_the_same_bytes_and_changed_weights_are_noticed()
    {
        using var model = TinyCompressionModel.Create(Side, Channels, seed: 4);
        using var image = full(new long[] { 1, Side, Side }, 0.3f);
        var first = model.CreateCodec();
        var stream = first.Encode(image);
        model.CreateCodec().Encode(image).ShouldBe(stream);

        using (no_grad())
        {
            model.parameters().First().add_(0.01f);
        }

        Should.Throw<InvalidOperationException>(() => first.Encode(image)).Message.ShouldContain("weights changed");
        Should.Throw<InvalidOperationException>(() => first.Decode(stream));
        Should.Throw<CorruptStreamException>(() => model.CreateCodec().Decode(stream)).Message.ShouldContain("different model or different weights");
    }
}
