using System;

namespace Autoencoder.Runtime.Models;

/// <summary>
/// The images a model takes: its channels, and either a fixed height and width or free ones. A model with free sizes
/// (declared <c>[Input(3)]</c>, YAML <c>input: [3, H, W]</c>) is fully convolutional: it takes any height and width that
/// are multiples of <see cref="SizeMultiple"/> and at least the minimum, and <see cref="Imaging.AnySize"/> pads other sizes to one it takes.
/// </summary>
public sealed record ImageGeometry
{
    private ImageGeometry(int channels, int? height, int? width, int sizeMultiple, int minimumHeight, int minimumWidth)
    {
        if (channels <= 0)
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "A model takes at least one channel.");
        if (sizeMultiple <= 0)
            throw new ArgumentOutOfRangeException(nameof(sizeMultiple), sizeMultiple, "The size multiple is positive.");
        Channels = channels;
        Height = height;
        Width = width;
        SizeMultiple = sizeMultiple;
        MinimumHeight = minimumHeight;
        MinimumWidth = minimumWidth;
    }

    /// <summary>A model that takes images of exactly <paramref name="height"/>×<paramref name="width"/>.</summary>
    public static ImageGeometry Fixed(int channels, int height, int width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        return new(channels, height, width, 1, height, width);
    }

    /// <summary>
    /// A fully convolutional model: any height and width that are multiples of <paramref name="sizeMultiple"/>, from the
    /// minimums up. Each minimum is rounded up to a multiple (at least one multiple): no smaller size could be taken.
    /// </summary>
    public static ImageGeometry Free(int channels, int sizeMultiple, int minimumHeight, int minimumWidth)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeMultiple);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumHeight);
        ArgumentOutOfRangeException.ThrowIfNegative(minimumWidth);
        return new(channels, null, null, sizeMultiple, MinimumOf(minimumHeight, sizeMultiple), MinimumOf(minimumWidth, sizeMultiple));
    }

    /// <summary>
    /// The geometry of a model whose input shape is <paramref name="inputShape"/> (without the batch dimension): fixed for an
    /// image [C, H, W], null for any other rank (a model of vectors). A free side is written -1; a model with free sides
    /// gives its own geometry, with its multiple and minimum.
    /// </summary>
    public static ImageGeometry? Of(long[] inputShape)
    {
        ArgumentNullException.ThrowIfNull(inputShape);
        if (inputShape.Length != 3)
            return null;
        if (inputShape[1] < 0 || inputShape[2] < 0)
            throw new ArgumentException("A shape with free sides (-1) does not say what sizes the model takes: ask the model for its Geometry.", nameof(inputShape));
        return Fixed(checked((int)inputShape[0]), checked((int)inputShape[1]), checked((int)inputShape[2]));
    }

    /// <summary>1 for grayscale, 3 for RGB.</summary>
    public int Channels { get; }

    /// <summary>The fixed height, or null when the model takes any.</summary>
    public int? Height { get; }

    /// <summary>The fixed width, or null when the model takes any.</summary>
    public int? Width { get; }

    /// <summary>Height and width must be multiples of this (1 for a fixed-size model): 16 for four stride-2 stages.</summary>
    public int SizeMultiple { get; }

    /// <summary>The smallest height the model takes (a multiple of <see cref="SizeMultiple"/>).</summary>
    public int MinimumHeight { get; }

    /// <summary>The smallest width the model takes (a multiple of <see cref="SizeMultiple"/>).</summary>
    public int MinimumWidth { get; }

    /// <summary>Whether height and width are free (the model is fully convolutional).</summary>
    public bool IsFree => Height is null;

    /// <summary>Whether the model takes an image of <paramref name="height"/>×<paramref name="width"/> as it is, without padding.</summary>
    public bool Takes(long height, long width) => IsFree
        ? height >= MinimumHeight && width >= MinimumWidth && height % SizeMultiple == 0 && width % SizeMultiple == 0
        : height == Height && width == Width;

    /// <summary>
    /// The size an image of <paramref name="height"/>×<paramref name="width"/> is padded to before the model runs: each side
    /// rounded up to the multiple and to the minimum. A fixed-size model takes only its own size: another is an error naming both.
    /// </summary>
    /// <exception cref="ImageSizeException">A fixed-size model and an image of another size.</exception>
    public (long Height, long Width) Padded(long height, long width)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (!IsFree)
        {
            if (height != Height || width != Width)
                throw new ImageSizeException(this, height, width);
            return (height, width);
        }

        return (RoundUp(Math.Max(height, MinimumHeight)), RoundUp(Math.Max(width, MinimumWidth)));
    }

    /// <summary>"3×H×W (H and W multiples of 16, at least 16×16)" or "1×28×28".</summary>
    public override string ToString() => IsFree
        ? $"{Channels}×H×W (H and W multiples of {SizeMultiple}, at least {MinimumHeight}×{MinimumWidth})"
        : $"{Channels}×{Height}×{Width}";

    private long RoundUp(long size) => (size + SizeMultiple - 1) / SizeMultiple * SizeMultiple;

    private static int MinimumOf(int minimum, int sizeMultiple) =>
        checked((int)((Math.Max(minimum, 1) + (long)sizeMultiple - 1) / sizeMultiple * sizeMultiple));
}
