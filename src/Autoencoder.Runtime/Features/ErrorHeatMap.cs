using System;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>
/// Where a reconstruction is wrong, as an image: each pixel's absolute error, averaged over channels, drawn on the "hot"
/// colour scale (black, red, yellow, white). The scale is fixed, not stretched per image, so the same colour means the same
/// error in every map of a folder: an image that is reconstructed well stays dark.
/// </summary>
public static class ErrorHeatMap
{
    /// <summary>The error (on the [0, 1] pixel scale) drawn white: 0.25, a quarter of the full range.</summary>
    public const double DefaultFullScale = 0.25;

    /// <summary>
    /// The heat map of <paramref name="reconstruction"/> against <paramref name="image"/>, both [C, H, W] in [0, 1]:
    /// an RGB image [3, H, W] in which an error of <paramref name="fullScale"/> or more is white.
    /// </summary>
    public static Tensor Draw(Tensor image, Tensor reconstruction, double fullScale = DefaultFullScale)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(reconstruction);
        if (image.dim() != 3 || !image.shape.AsSpan().SequenceEqual(reconstruction.shape))
        {
            throw new ArgumentException(
                $"Expected an image and its reconstruction of one shape [C, H, W], got [{string.Join(", ", image.shape)}] and [{string.Join(", ", reconstruction.shape)}].",
                nameof(reconstruction));
        }

        if (!double.IsFinite(fullScale) || fullScale <= 0)
            throw new ArgumentOutOfRangeException(nameof(fullScale), fullScale, "The full-scale error is positive.");
        using var scope = NewDisposeScope();
        var error = (reconstruction.to_type(ScalarType.Float32).cpu() - image.to_type(ScalarType.Float32).cpu()).abs().mean([0L]);
        var heat = error.div(Of(fullScale)).clamp(Zero, One).mul(Of(3.0));
        // Red rises over the first third of the scale, green over the second, blue over the last.
        var red = heat.clamp(Zero, One);
        var green = heat.sub(One).clamp(Zero, One);
        var blue = heat.sub(Of(2.0)).clamp(Zero, One);
        return stack([red, green, blue]).MoveToOuterDisposeScope();
    }
}
