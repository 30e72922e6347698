using System;
using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>Small fully convolutional networks with random weights, and the receptive radius they actually have.</summary>
internal static class ConvNetworks
{
    /// <summary>
    /// conv 3×3 → stride-2 conv 3×3 → conv 3×3 → transposed conv 4×4 stride 2: takes even sizes (multiple 2) and keeps them.
    /// Its receptive radius is about 6 pixels.
    /// </summary>
    public static nn.Module<Tensor, Tensor> StridedPair(int channels, int seed, int width = 8)
    {
        manual_seed(seed).Dispose();
        return nn.Sequential(
            nn.Conv2d(channels, width, 3, padding: 1),
            nn.ReLU(),
            nn.Conv2d(width, width, 3, stride: 2, padding: 1),
            nn.ReLU(),
            nn.Conv2d(width, width, 3, padding: 1),
            nn.ReLU(),
            nn.ConvTranspose2d(width, channels, 4, stride: 2, padding: 1));
    }

    /// <summary>A 1×1 convolution: every output pixel depends on its own input pixel only.</summary>
    public static nn.Module<Tensor, Tensor> Pointwise(int channels, int seed)
    {
        manual_seed(seed).Dispose();
        return nn.Conv2d(channels, channels, 1);
    }

    /// <summary>
    /// How far, in input pixels, the output at the centre of a <paramref name="size"/>² random image depends on the input:
    /// the largest row or column distance at which the gradient of that output is not zero.
    /// </summary>
    public static long ReceptiveRadius(nn.Module<Tensor, Tensor> network, int channels, int size = 64)
    {
        using var scope = NewDisposeScope();
        using var grad = enable_grad();
        var input = rand(1, channels, size, size).requires_grad_();
        network.forward(input)[.., .., size / 2, size / 2].sum().backward();
        var reached = input.grad!.abs().sum([0, 1]).gt(0).nonzero();
        var distances = reached.sub(size / 2).abs().max();
        var radius = distances.item<long>();
        return radius < size / 2 - 1 ? radius : throw new InvalidOperationException($"The receptive field fills the {size}² probe.");
    }

    public static float MaxDifference(Tensor a, Tensor b)
    {
        if (!a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"Shapes differ: [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}].");
        using var difference = a.sub(b).abs().max();
        return difference.item<float>();
    }
}
