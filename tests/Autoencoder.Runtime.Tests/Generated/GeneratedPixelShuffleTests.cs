using System.Linq;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Generated PixelShuffle and PixelUnshuffle, run by TorchSharp: the reshape-permute-reshape the generator writes gives
/// exactly what TorchSharp's own modules give, a round trip is exactly the identity, and a model built on them learns.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedPixelShuffleTests
{
    [Fact]
    public void Encode_is_torch_pixel_unshuffle_bit_for_bit()
    {
        using var model = new PixelRoundTripModel();
        using var unshuffle = nn.PixelUnshuffle(2);
        using var input = randn(3, 16, 8, 8);

        using var generated = model.Encode(input);
        using var expected = unshuffle.forward(input);

        PixelRoundTripModel.ParameterCount.ShouldBe(0);
        generated.shape.ShouldBe(new long[] { 3, 64, 4, 4 });
        PixelRoundTripModel.CodeShape.ShouldBe(new long[] { 64, 4, 4 });
        Identical(generated, expected).ShouldBeTrue();
    }

    [Fact]
    public void Decode_is_torch_pixel_shuffle_bit_for_bit()
    {
        using var model = new PixelRoundTripModel();
        using var shuffle = nn.PixelShuffle(2);
        using var code = randn(3, 64, 4, 4);

        using var generated = model.Decode(code);
        using var expected = shuffle.forward(code);

        generated.shape.ShouldBe(new long[] { 3, 16, 8, 8 });
        Identical(generated, expected).ShouldBeTrue();
    }

    [Fact]
    public void Round_trips_are_exactly_the_identity()
    {
        using var model = new PixelRoundTripModel();
        using var input = randn(2, 16, 8, 8);
        using var code = randn(2, 64, 4, 4);

        using var reconstruction = model.forward(input);
        using var encoded = model.Encode(model.Decode(code));

        Identical(reconstruction, input).ShouldBeTrue();
        Identical(encoded, code).ShouldBeTrue();
    }

    [Fact]
    public void A_factor_of_four_on_a_rectangle_matches_torch_both_ways()
    {
        using var model = new PixelRectangleModel();
        using var unshuffle = nn.PixelUnshuffle(4);
        using var shuffle = nn.PixelShuffle(4);
        using var input = randn(2, 4, 12, 8);
        using var code = randn(2, 64, 3, 2);

        using var encoded = model.Encode(input);
        using var decoded = model.Decode(code);
        using var expectedCode = unshuffle.forward(input);
        using var expectedImage = shuffle.forward(code);

        encoded.shape.ShouldBe(new long[] { 2, 64, 3, 2 });
        Identical(encoded, expectedCode).ShouldBeTrue();
        Identical(decoded, expectedImage).ShouldBeTrue();
        using var roundTrip = model.forward(input);
        Identical(roundTrip, input).ShouldBeTrue();
    }

    [Fact]
    public void The_pixel_layers_of_a_convolutional_model_are_torchs()
    {
        using var model = new SubPixelModel();
        using var unshuffle = nn.PixelUnshuffle(4);
        using var input = rand(3, 1, 8, 8);

        // Encode = conv2(relu(conv1(unshuffle(x)))), with the model's own convolutions after TorchSharp's unshuffle.
        var convolutions = model.named_children().ToDictionary(c => c.name, c => (nn.Module<Tensor, Tensor>)c.module);
        using var code = model.Encode(input);
        using var unshuffled = unshuffle.forward(input);
        using var hidden = nn.functional.relu(convolutions["encoder1"].forward(unshuffled));
        using var expected = convolutions["encoder2"].forward(hidden);

        model.parameters().Sum(p => p.numel()).ShouldBe(SubPixelModel.ParameterCount);
        code.shape.ShouldBe(new long[] { 3, 16, 2, 2 });
        Identical(code, expected).ShouldBeTrue();
        using var output = model.forward(input);
        output.shape.ShouldBe(new long[] { 3, 1, 8, 8 });
    }

    [Fact]
    public void Sub_pixel_model_learns()
    {
        using var train = SyntheticImages.Create(256, seed: 3).reshape(256, 1, 8, 8);
        var trainer = SubPixelModel.Trainer.Create();
        var before = trainer.EvaluateLoss(train);

        var report = trainer.Fit(train);

        // Grey targets: cross-entropy cannot go below their own entropy, so progress is measured above that floor.
        using var entropy = nn.functional.binary_cross_entropy(train, train);
        var floor = entropy.item<float>();
        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        (trainer.EvaluateLoss(train) - floor).ShouldBeLessThan((before - floor) * 0.5);
    }

    /// <summary>Same shape and every element equal: no tolerance, the layers only move values.</summary>
    private static bool Identical(Tensor actual, Tensor expected)
        => actual.shape.SequenceEqual(expected.shape) && actual.dtype == expected.dtype && actual.eq(expected).all().item<bool>();
}
