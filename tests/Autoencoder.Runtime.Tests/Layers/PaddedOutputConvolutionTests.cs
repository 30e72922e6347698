using System.Linq;
using Autoencoder.Runtime.Layers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Layers;

/// <summary>
/// The padded path of narrow stride-1 convolutions against the same convolution in float64 (libtorch's own kernels, which
/// oneDNN does not serve): on the CI machines the plain float32 layer's input gradient is NaN or about 30 % off for these
/// shapes (docs/troubleshooting.md), so a path that fell back to it fails here.
/// </summary>
public sealed class PaddedOutputConvolutionTests
{
    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(3, 1, 1)]
    [InlineData(12, 2, 2)]
    public void Gradients_match_the_float64_convolution_every_time(int outChannels, int padding, int dilation)
    {
        using var generator = new Generator(11);
        using var conv = nn.Conv2d(64, outChannels, 3, padding: padding, dilation: dilation);
        using var input = randn(new long[] { 16, 64, 32, 32 }, generator: generator);
        using var upstream = randn(new long[] { 16, outChannels, 32, 32 }, generator: generator);

        var (output, inputGrad, weightGrad, biasGrad) = Exact(conv, input, upstream, padding, dilation);
        // oneDNN's first backward of a shape and the ones after it went wrong differently: both are covered.
        for (int pass = 0; pass < 2; pass++)
        {
            conv.zero_grad();
            using var x = input.detach().clone().requires_grad_(true);
            using var y = PaddedOutputConvolution.Forward(conv, x, padding, dilation);
            y.backward([upstream]);

            RelativeError(y, output).ShouldBeLessThan(1e-5);
            RelativeError(x.grad!, inputGrad).ShouldBeLessThan(1e-4, $"input gradient, pass {pass + 1}");
            RelativeError(conv.weight!.grad!, weightGrad).ShouldBeLessThan(1e-4, $"weight gradient, pass {pass + 1}");
            RelativeError(conv.bias!.grad!, biasGrad).ShouldBeLessThan(1e-4, $"bias gradient, pass {pass + 1}");
        }
    }

    [Fact]
    public void Without_a_gradient_to_compute_it_is_the_layer_itself()
    {
        using var conv = nn.Conv2d(8, 3, 3, padding: 1);
        using var input = randn(2, 8, 6, 6);
        using var noGrad = no_grad();
        using var expected = conv.forward(input);
        using var actual = PaddedOutputConvolution.Forward(conv, input, 1, 1);
        actual.shape.ShouldBe(expected.shape);
        actual.eq(expected).all().item<bool>().ShouldBeTrue();
    }

    private static (Tensor Output, Tensor Input, Tensor Weight, Tensor Bias) Exact(nn.Module<Tensor, Tensor> conv, Tensor input, Tensor upstream, int padding, int dilation)
    {
        var parameters = conv.parameters().ToArray();
        using var w = parameters[0].detach().to_type(ScalarType.Float64).requires_grad_(true);
        using var b = parameters[1].detach().to_type(ScalarType.Float64).requires_grad_(true);
        using var x = input.to_type(ScalarType.Float64).requires_grad_(true);
        var y = nn.functional.conv2d(x, w, b, padding: [padding, padding], dilation: [dilation, dilation]);
        y.backward([upstream.to_type(ScalarType.Float64)]);
        return (y.detach(), x.grad!.clone(), w.grad!.clone(), b.grad!.clone());
    }

    private static double RelativeError(Tensor actual, Tensor expected)
    {
        using var a = actual.detach().to_type(ScalarType.Float64);
        using var difference = a.sub(expected);
        return difference.norm().item<double>() / expected.norm().item<double>();
    }
}
