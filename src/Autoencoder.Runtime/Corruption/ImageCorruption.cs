using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Corruption;

/// <summary>
/// Noise processes that damage a batch of images with values in [0, 1], for denoising autoencoders (applied to the
/// inputs while training, the clean images being the target) and for measuring restoration. Every function returns a
/// new tensor of the input's shape, dtype and device, draws from the given generator or torch's global
/// generator, and leaves its input untouched.
/// </summary>
public static class ImageCorruption
{
    /// <summary>Adds N(0, σ²) noise to every pixel and clips the result to [0, 1], as a saved image would be.</summary>
    public static Tensor Gaussian(Tensor images, double sigma, Generator? generator = null)
    {
        RequireBatch(images);
        RequireNonNegative(sigma, nameof(sigma));
        using var scope = NewDisposeScope();
        var noise = randn(images.shape, dtype: images.dtype, device: images.device, generator: generator);
        return (images + noise.mul_(sigma)).clamp_(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Masking noise (Vincent et al. 2008): in each image, a fixed number of pixels — <paramref name="fraction"/> of
    /// them, rounded — chosen at random, is set to 0.
    /// </summary>
    public static Tensor Masking(Tensor images, double fraction, Generator? generator = null)
    {
        RequireBatch(images);
        using var scope = NewDisposeScope();
        var chosen = ChosenPixels(images, fraction, generator);
        return images.masked_fill(chosen, 0).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Salt-and-pepper noise (Vincent et al. 2010): in each image, a fixed number of pixels — <paramref name="fraction"/>
    /// of them, rounded — chosen at random, is set to 0 or 1 with equal probability.
    /// </summary>
    public static Tensor SaltAndPepper(Tensor images, double fraction, Generator? generator = null)
    {
        RequireBatch(images);
        using var scope = NewDisposeScope();
        var chosen = ChosenPixels(images, fraction, generator);
        var salt = rand(images.shape, dtype: images.dtype, device: images.device, generator: generator).lt_(0.5);
        var values = salt.to_type(images.dtype);
        return where(chosen, values, images).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Stochastic binarisation: each pixel becomes 1 with probability equal to its intensity, else 0 — "dynamically
    /// binarised" MNIST when drawn anew for every batch.
    /// </summary>
    public static Tensor Binarize(Tensor images, Generator? generator = null)
    {
        RequireBatch(images);
        using var scope = NewDisposeScope();
        var draws = rand(images.shape, dtype: images.dtype, device: images.device, generator: generator);
        return draws.lt_(images).to_type(images.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>A boolean mask [B, ...] with exactly round(fraction · pixels) true entries per image, chosen uniformly.</summary>
    private static Tensor ChosenPixels(Tensor images, double fraction, Generator? generator)
    {
        if (!(fraction >= 0 && fraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "The fraction of corrupted pixels must be between 0 and 1.");
        long batch = images.shape[0];
        long pixels = images.numel() / Math.Max(batch, 1);
        long count = (long)Math.Round(fraction * pixels, MidpointRounding.AwayFromZero);
        var flat = zeros(new[] { batch, pixels }, dtype: ScalarType.Bool, device: images.device);
        if (count > 0)
        {
            var scores = rand(new[] { batch, pixels }, device: images.device, generator: generator);
            var picked = scores.topk((int)count, dim: 1).indexes;
            flat = flat.scatter(1, picked, ones_like(picked, dtype: ScalarType.Bool));
        }

        return flat.reshape(images.shape);
    }

    private static void RequireBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() < 2)
            throw new ArgumentException($"Expected a batch of images [B, ...] but got {images.dim()} dimension(s).", nameof(images));
        if (!images.is_floating_point())
            throw new ArgumentException($"Expected floating-point images in [0, 1] but got {images.dtype}.", nameof(images));
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number that is not negative.");
    }
}
