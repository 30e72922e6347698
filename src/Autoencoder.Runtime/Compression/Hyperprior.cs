using System;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>What a hyperprior model's latent pass gives for a code y.</summary>
/// <param name="Quantized">ŷ: y with U(−½, ½) noise (training) or rounded around its means (evaluation); the decoder's input.</param>
/// <param name="CodeLikelihoods">The probability of each element of ŷ under its Gaussian (scale, and mean) from the hyper-decoder.</param>
/// <param name="SideLikelihoods">The probability of each element of ẑ under the factorised density.</param>
public sealed record HyperpriorOutput(Tensor Quantized, Tensor CodeLikelihoods, Tensor SideLikelihoods)
{
    /// <summary>Bits of ŷ and ẑ per image over <paramref name="pixelsPerImage"/>, averaged over the batch: the rate term.</summary>
    public Tensor MeanBitsPerPixel(long pixelsPerImage)
    {
        using var scope = NewDisposeScope();
        return EntropyBottleneck.MeanBitsPerPixel(CodeLikelihoods, pixelsPerImage)
            .add(EntropyBottleneck.MeanBitsPerPixel(SideLikelihoods, pixelsPerImage), One)
            .MoveToOuterDisposeScope();
    }
}

/// <summary>
/// The latent pass of a hyperprior model in training and evaluation (the generated <c>Latent</c>; <see cref="HyperpriorCodec"/>
/// codes the same quantities into streams): z = hyper-encoder(|y|) (or of y, for mean and scale) through the factorised
/// density, the hyper-decoder's parameters of ẑ, and y quantised with its Gaussian likelihoods.
/// </summary>
public static class Hyperprior
{
    /// <param name="code">y [B, M, h, w].</param>
    /// <param name="hyperEncode">y → z.</param>
    /// <param name="hyperDecode">ẑ → M scales, or M scales then M means ([B, 2M, h, w]).</param>
    /// <param name="side">The factorised density of z, which adds its noise or rounds as the module's mode says.</param>
    /// <param name="meanAndScale">Whether the hyper-decoder gives means too (Minnen et al. 2018), and sees y rather than |y|.</param>
    /// <param name="training">The module's mode: noise in training, rounding in evaluation.</param>
    public static HyperpriorOutput Forward(Tensor code, Func<Tensor, Tensor> hyperEncode, Func<Tensor, Tensor> hyperDecode, EntropyBottleneck side, bool meanAndScale, bool training)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(hyperEncode);
        ArgumentNullException.ThrowIfNull(hyperDecode);
        ArgumentNullException.ThrowIfNull(side);
        using var scope = NewDisposeScope();
        var z = side.forward(hyperEncode(meanAndScale ? code : code.abs()));
        var parameters = hyperDecode(z.Quantized);
        Tensor scales = parameters;
        Tensor? means = null;
        if (meanAndScale)
        {
            var halves = parameters.chunk(2, 1);
            scales = halves[0];
            means = halves[1];
        }

        var quantized = training
            ? code.add(empty_like(code).uniform_(-0.5, 0.5), One)
            : means is null ? code.round() : code.sub(means).round().add(means, One);
        var likelihoods = GaussianConditional.Likelihoods(quantized, scales, means);
        return new HyperpriorOutput(quantized.MoveToOuterDisposeScope(), likelihoods.MoveToOuterDisposeScope(), z.Likelihoods.MoveToOuterDisposeScope());
    }
}
