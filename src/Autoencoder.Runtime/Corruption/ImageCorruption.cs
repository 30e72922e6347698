using System;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
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
    /// <summary>
    /// Adds N(0, σ²) noise to every pixel and clips the result to [0, 1], as a saved image would be; with
    /// <paramref name="clip"/> false the noisy values are left as drawn, as the denoising benchmarks (BSD68, Set12 in the
    /// DnCNN paper) add it.
    /// </summary>
    public static Tensor Gaussian(Tensor images, double sigma, Generator? generator = null, bool clip = true)
    {
        RequireBatch(images);
        RequireNonNegative(sigma, nameof(sigma));
        using var scope = NewDisposeScope();
        var noise = randn(images.shape, dtype: images.dtype, device: images.device, generator: generator);
        using var scale = sigma.ToScalar();
        var noisy = images.add(noise.mul_(scale), One);
        return (clip ? noisy.clamp_(Zero, One) : noisy).MoveToOuterDisposeScope();
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
        return images.masked_fill(chosen, Zero).MoveToOuterDisposeScope();
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
        var salt = rand(images.shape, dtype: images.dtype, device: images.device, generator: generator).lt_(Of(0.5));
        var values = salt.to_type(images.dtype);
        return where(chosen, values, images).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Block noise, the masked region of inpainting: in each image of a batch [B, C, H, W], one axis-aligned square whose side
    /// is <paramref name="sideFraction"/> of the image's shorter side (rounded), at a place drawn uniformly among those that
    /// keep it inside the image, is set to 0 in every channel.
    /// </summary>
    public static Tensor Block(Tensor images, double sideFraction, Generator? generator = null)
    {
        RequireImages(images);
        if (!(sideFraction >= 0 && sideFraction <= 1))
            throw new ArgumentOutOfRangeException(nameof(sideFraction), sideFraction, "The side of the square, as a fraction of the image's shorter side, must be between 0 and 1.");
        long batch = images.shape[0], height = images.shape[2], width = images.shape[3];
        long side = (long)Math.Round(sideFraction * Math.Min(height, width), MidpointRounding.AwayFromZero);
        if (side == 0 || batch == 0)
            return images.clone();

        using var scope = NewDisposeScope();
        // Uniform corners, drawn in float64 so that u · (positions) never rounds up to the last position plus one.
        var top = Corner(batch, height - side, images.device, generator);
        var left = Corner(batch, width - side, images.device, generator);
        var mask = Square(top, left, side, side, height, width, images.device);
        return images.masked_fill(mask, Zero).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sets one rectangle to 0 in every image and channel of a batch [B, C, H, W]: columns <paramref name="x"/> to
    /// x + width − 1 and rows <paramref name="y"/> to y + height − 1 — the deterministic counterpart of <see cref="Block"/>,
    /// for inpainting a region the user names.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The rectangle is empty or does not lie inside the images.</exception>
    public static Tensor Region(Tensor images, int x, int y, int width, int height)
    {
        RequireImages(images);
        long imageHeight = images.shape[2], imageWidth = images.shape[3];
        if (width <= 0 || height <= 0)
            throw new ArgumentOutOfRangeException(width <= 0 ? nameof(width) : nameof(height), $"The region {width}×{height} is empty: its width and height must be at least 1.");
        if (x < 0 || y < 0 || x + (long)width > imageWidth || y + (long)height > imageHeight)
            throw new ArgumentOutOfRangeException(x < 0 || x + (long)width > imageWidth ? nameof(x) : nameof(y),
                $"The region x={x}, y={y}, {width}×{height} does not lie inside the {imageWidth}×{imageHeight} images.");

        using var scope = NewDisposeScope();
        var corrupted = images.clone();
        using (no_grad())
        {
            corrupted[TensorIndex.Colon, TensorIndex.Colon, TensorIndex.Slice(y, y + height), TensorIndex.Slice(x, x + width)] = zeros(1, dtype: images.dtype, device: images.device);
        }

        return corrupted.MoveToOuterDisposeScope();
    }

    /// <summary>One corner coordinate per image, uniform in 0..<paramref name="last"/>: [B] of int64.</summary>
    private static Tensor Corner(long batch, long last, Device device, Generator? generator)
    {
        var draws = rand(new[] { batch }, dtype: ScalarType.Float64, device: device, generator: generator);
        using var positions = (last + 1).ToScalar();
        using var lastPosition = last.ToScalar();
        return draws.mul_(positions).floor_().clamp_(Of(0L), lastPosition).to_type(ScalarType.Int64);
    }

    /// <summary>A boolean mask [B, 1, H, W], true inside each image's rectangle of the given corner and size.</summary>
    private static Tensor Square(Tensor top, Tensor left, long rows, long columns, long height, long width, Device device)
    {
        using var heightEnd = height.ToScalar();
        using var widthEnd = width.ToScalar();
        using var rowCount = rows.ToScalar();
        using var columnCount = columns.ToScalar();
        var r = arange(Of(0L), heightEnd, Of(1L), dtype: ScalarType.Int64, device: device).reshape(1, height, 1);
        var c = arange(Of(0L), widthEnd, Of(1L), dtype: ScalarType.Int64, device: device).reshape(1, 1, width);
        var t = top.reshape(-1, 1, 1);
        var l = left.reshape(-1, 1, 1);
        // Integer tensors take integer Scalars, alpha included (libtorch refuses a floating-point alpha for them).
        var inside = r.ge(t).logical_and(r.lt(t.add(rowCount, Of(1L)))).logical_and(c.ge(l).logical_and(c.lt(l.add(columnCount, Of(1L)))));
        return inside.unsqueeze(1);
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

    private static void RequireImages(Tensor images)
    {
        RequireBatch(images);
        if (images.dim() != 4)
            throw new ArgumentException($"Expected a batch of images [B, C, H, W] but got {images.dim()} dimension(s): a block or region needs height and width.", nameof(images));
    }

    private static void RequireNonNegative(double value, string name)
    {
        if (!(value >= 0) || double.IsInfinity(value))
            throw new ArgumentOutOfRangeException(name, value, "Must be a finite number that is not negative.");
    }
}
