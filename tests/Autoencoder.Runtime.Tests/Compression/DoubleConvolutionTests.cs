using System;
using System.Linq;
using Autoencoder.Runtime.Compression.Deterministic;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>Convolutions in C# doubles: libtorch's results in float64, and the same bits run after run.</summary>
public sealed class DoubleConvolutionTests
{
    [Theory]
    [InlineData(5, 2, 2)]
    [InlineData(3, 1, 1)]
    [InlineData(4, 2, 1)]
    [InlineData(3, 2, 0)]
    public void A_convolution_is_torchs_in_float64(int kernel, int stride, int padding)
    {
        using var generator = new Generator(4);
        using var weight = randn(new long[] { 6, 3, kernel, kernel }, ScalarType.Float64, generator: generator);
        using var bias = randn(new long[] { 6 }, ScalarType.Float64, generator: generator);
        using var input = randn(new long[] { 1, 3, 9, 7 }, ScalarType.Float64, generator: generator);
        using var expected = nn.functional.conv2d(input, weight, bias, strides: [stride, stride], padding: [padding, padding]);

        var layer = DoubleConvolution.Of(weight, bias, stride, padding);
        var output = layer.Apply(input.data<double>().ToArray(), 9, 7, out var h, out var w);

        (h, w).ShouldBe(((int)expected.shape[2], (int)expected.shape[3]));
        MaxDifference(output, expected).ShouldBeLessThan(1e-12);
    }

    [Theory]
    [InlineData(5, 2, 2, 1)]
    [InlineData(3, 1, 1, 0)]
    [InlineData(4, 2, 1, 0)]
    [InlineData(3, 2, 0, 1)]
    public void A_transposed_convolution_is_torchs_in_float64(int kernel, int stride, int padding, int outputPadding)
    {
        using var generator = new Generator(5);
        using var weight = randn(new long[] { 4, 5, kernel, kernel }, ScalarType.Float64, generator: generator);
        using var bias = randn(new long[] { 5 }, ScalarType.Float64, generator: generator);
        using var input = randn(new long[] { 1, 4, 6, 5 }, ScalarType.Float64, generator: generator);
        using var expected = nn.functional.conv_transpose2d(input, weight, bias, strides: [stride, stride], padding: [padding, padding],
            output_padding: [outputPadding, outputPadding]);

        var layer = DoubleConvolution.Of(weight, bias, stride, padding, transposed: true, outputPadding: outputPadding);
        var output = layer.Apply(input.data<double>().ToArray(), 6, 5, out var h, out var w);

        (h, w).ShouldBe(((int)expected.shape[2], (int)expected.shape[3]));
        MaxDifference(output, expected).ShouldBeLessThan(1e-12);
    }

    [Fact]
    public void A_hyper_synthesis_shaped_network_gives_the_same_bits_every_run()
    {
        using var generator = new Generator(6);
        using var w1 = randn(new long[] { 8, 8, 5, 5 }, generator: generator);
        using var w2 = randn(new long[] { 8, 8, 5, 5 }, generator: generator);
        using var w3 = randn(new long[] { 12, 8, 3, 3 }, generator: generator);
        var network = new DoubleNetwork(
        [
            DoubleConvolution.Of(w1, null, 2, 2, transposed: true, outputPadding: 1, activation: DoubleActivation.ReLU),
            DoubleConvolution.Of(w2, null, 2, 2, transposed: true, outputPadding: 1, activation: DoubleActivation.ReLU),
            DoubleConvolution.Of(w3, null, 1, 1, activation: DoubleActivation.ReLU),
        ]);
        var random = new Random(1);
        var z = Enumerable.Range(0, 8 * 3 * 4).Select(_ => (double)random.Next(-3, 4)).ToArray();

        var first = network.Run(z, 3, 4, out var h, out var w);
        var second = network.Run(z, 3, 4, out _, out _);

        (h, w).ShouldBe((12, 16));
        first.Length.ShouldBe(12 * 12 * 16);
        first.Select(BitConverter.DoubleToInt64Bits).ShouldBe(second.Select(BitConverter.DoubleToInt64Bits));
        first.ShouldAllBe(v => v >= 0);
    }

    [Fact]
    public void Layers_whose_channels_do_not_chain_are_refused()
    {
        using var a = zeros(4, 3, 3, 3);
        using var b = zeros(5, 5, 3, 3);

        Should.Throw<ArgumentException>(() => new DoubleNetwork([DoubleConvolution.Of(a, null, 1, 1), DoubleConvolution.Of(b, null, 1, 1)]));
    }

    private static double MaxDifference(double[] actual, Tensor expected)
    {
        var values = expected.contiguous().data<double>().ToArray();
        values.Length.ShouldBe(actual.Length);
        return values.Zip(actual, (e, a) => Math.Abs(e - a)).Max();
    }
}
