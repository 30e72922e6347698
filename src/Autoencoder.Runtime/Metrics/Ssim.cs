using System;
using System.Linq;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Metrics;

/// <summary>
/// Structural similarity (Wang et al. 2004) as image-compression papers report it: an 11×11 Gaussian window with σ = 1.5,
/// K1 = 0.01, K2 = 0.03, computed per channel over the positions where the window fits (no padding, as TensorFlow's
/// <c>tf.image.ssim</c>) and averaged over positions and channels.
/// </summary>
public static class Ssim
{
    /// <summary>Side of the Gaussian window in pixels.</summary>
    public const int WindowSize = 11;

    /// <summary>Standard deviation of the Gaussian window in pixels.</summary>
    public const double Sigma = 1.5;

    private const double K1 = 0.01;
    private const double K2 = 0.03;

    /// <summary>SSIM of each image pair: [N, C, H, W] against [N, C, H, W], with H and W at least <see cref="WindowSize"/>.</summary>
    /// <param name="a">One batch, [N, C, H, W].</param>
    /// <param name="b">The batch to compare it with, same shape.</param>
    /// <param name="maxValue">The dynamic range L of the pixel values (1 for images in [0, 1]).</param>
    public static double[] PerImage(Tensor a, Tensor b, double maxValue = 1.0)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.dim() != 4 || !a.shape.SequenceEqual(b.shape))
            throw new ArgumentException($"SSIM compares two [N, C, H, W] batches of the same shape; got [{string.Join(", ", a.shape)}] and [{string.Join(", ", b.shape)}].");
        if (!Fits(a.shape[2], a.shape[3]))
            throw new ArgumentException($"SSIM needs images of at least {WindowSize}×{WindowSize} pixels; got {a.shape[2]}×{a.shape[3]}.");
        if (!(maxValue > 0) || double.IsInfinity(maxValue))
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "The dynamic range must be positive and finite.");

        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var x = a.detach().to(CPU).to_type(ScalarType.Float64);
        var y = b.detach().to(CPU).to_type(ScalarType.Float64);
        // The Gaussian window is separable: filter the rows, then the columns. Done with unfold rather than conv2d, whose
        // CPU path makes libtorch print NNPACK warnings to the process's stderr on CPUs NNPACK does not support.
        var g = Window1D();
        Tensor Local(Tensor t) => t.unfold(3, WindowSize, 1).matmul(g).unfold(2, WindowSize, 1).matmul(g);

        var muX = Local(x);
        var muY = Local(y);
        var varX = Local(x * x) - muX * muX;
        var varY = Local(y * y) - muY * muY;
        var covXY = Local(x * y) - muX * muY;
        using var c1 = Math.Pow(K1 * maxValue, 2).ToScalar();
        using var c2 = Math.Pow(K2 * maxValue, 2).ToScalar();
        var numerator = muX.mul(Of(2.0)).mul(muY).add(c1, One) * covXY.mul(Of(2.0)).add(c2, One);
        var denominator = muX.mul(muX).add(muY.mul(muY), One).add(c1, One) * varX.add(varY, One).add(c2, One);
        var map = numerator / denominator;
        return map.reshape(map.shape[0], -1).mean([1L]).data<double>().ToArray();
    }

    /// <summary>Whether the window fits images of this size; smaller ones have no SSIM (report NaN rather than a made-up value).</summary>
    public static bool Fits(long height, long width) => height >= WindowSize && width >= WindowSize;

    /// <summary>The mean of <see cref="PerImage"/> over the batch.</summary>
    public static double Mean(Tensor a, Tensor b, double maxValue = 1.0) => PerImage(a, b, maxValue).Average();

    private static Tensor Window1D()
    {
        var offsets = arange(Of(0L), Of((long)WindowSize), Of(1L), dtype: ScalarType.Float64).sub(Of((WindowSize - 1) / 2.0));
        var g = (-(offsets * offsets)).div(Of(2 * Sigma * Sigma)).exp();
        return g / g.sum();
    }
}
