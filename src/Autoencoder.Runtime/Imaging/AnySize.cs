using System;
using Autoencoder.Runtime.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Runs a fully convolutional model on images of any size: pads a batch [B, C, H, W] below and to the right up to a size the
/// model takes (<see cref="ImageGeometry.Padded"/>), runs the model, and crops its output back to H×W. The padding is at the
/// bottom and right so that the crop keeps the output's top-left corner, where the image is.
/// </summary>
public static class AnySize
{
    /// <summary>
    /// Pads <paramref name="images"/> [B, C, H, W] to <paramref name="height"/>×<paramref name="width"/> (each at least the
    /// image's side); returns the images themselves when nothing needs adding.
    /// </summary>
    public static Tensor Pad(Tensor images, long height, long width, PaddingMode mode = PaddingMode.Replicate)
    {
        RequireBatch(images, nameof(images));
        long h = images.shape[2], w = images.shape[3];
        if (height < h || width < w)
            throw new ArgumentException($"Padding makes an image larger: {w}×{h} cannot be padded to {width}×{height}.", nameof(height));
        if (!Enum.IsDefined(mode))
            throw new ArgumentOutOfRangeException(nameof(mode), mode, "Replicate or Reflect.");
        if (height == h && width == w)
            return images;
        if (mode == PaddingMode.Reflect && (height - h >= h || width - w >= w))
        {
            throw new ArgumentException(
                $"Reflect padding adds fewer rows and columns than the image has: {w}×{h} to {width}×{height} needs Replicate.", nameof(mode));
        }

        var padding = new[] { 0L, width - w, 0L, height - h };
        return nn.functional.pad(images, padding, mode == PaddingMode.Reflect ? PaddingModes.Reflect : PaddingModes.Replicate);
    }

    /// <summary>The top-left <paramref name="height"/>×<paramref name="width"/> of <paramref name="images"/> [B, C, H', W'].</summary>
    public static Tensor Crop(Tensor images, long height, long width)
    {
        RequireBatch(images, nameof(images));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (images.shape[2] < height || images.shape[3] < width)
            throw new ArgumentException($"Cannot crop {images.shape[3]}×{images.shape[2]} to the larger {width}×{height}.", nameof(images));
        return images.shape[2] == height && images.shape[3] == width ? images : images[.., .., ..(int)height, ..(int)width];
    }

    /// <summary>
    /// <paramref name="network"/> applied to <paramref name="images"/> [B, C, H, W] padded to a size <paramref name="geometry"/>
    /// takes, its output cropped back to H×W. A fixed-size model takes only its own size (<see cref="ImageSizeException"/>).
    /// The network must keep height and width (its output's channels may differ): a network that does not is an error.
    /// </summary>
    public static Tensor Apply(Tensor images, ImageGeometry geometry, Func<Tensor, Tensor> network, PaddingMode mode = PaddingMode.Replicate)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(network);
        RequireBatch(images, nameof(images));
        if (images.shape[1] != geometry.Channels)
        {
            throw new ArgumentException(
                $"The images have {images.shape[1]} channels but the model takes {geometry.Channels} ({geometry}).", nameof(images));
        }

        long h = images.shape[2], w = images.shape[3];
        var (paddedHeight, paddedWidth) = geometry.Padded(h, w);
        if (paddedHeight == h && paddedWidth == w)
            return RequireSameSize(network(images), h, w);
        using var padded = Pad(images, paddedHeight, paddedWidth, mode);
        using var output = RequireSameSize(network(padded), paddedHeight, paddedWidth);
        using var cropped = Crop(output, h, w);
        return cropped.clone();
    }

    // Cropping the top-left H×W of an output of another size would silently return the wrong pixels.
    private static Tensor RequireSameSize(Tensor output, long height, long width)
    {
        if (output.dim() == 4 && output.shape[2] == height && output.shape[3] == width)
            return output;
        throw new InvalidOperationException(
            $"The network turned a {width}×{height} input into [{string.Join(", ", output.shape)}]: AnySize needs an output [B, C, {height}, {width}] of its input's size.");
    }

    private static void RequireBatch(Tensor images, string name)
    {
        ArgumentNullException.ThrowIfNull(images, name);
        if (images.dim() != 4)
            throw new ArgumentException($"Expected a batch of images [B, C, H, W], got [{string.Join(", ", images.shape)}].", name);
    }
}
