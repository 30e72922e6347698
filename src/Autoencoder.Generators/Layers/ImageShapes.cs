using System.Globalization;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// What the kinds that work on images [C, H, W] share: the rank check, channel groups and the output image. Sizes are
/// computed in long so that absurd declarations get a message instead of an overflow.
/// </summary>
internal static class ImageShapes
{
    /// <summary>2^53: up to here a parameter count in double is exact; beyond it no machine holds the weights anyway.</summary>
    public const double MaxExactParameters = 9_007_199_254_740_992;

    public static string? NeedsImage(Shape input) => input.Rank switch
    {
        3 => null,
        1 => "it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it",
        _ => "it needs an image [C, H, W], not rank " + input.Rank,
    };

    public static string? Groups(int inChannels, int outChannels, int groups)
    {
        if (inChannels % groups != 0)
        {
            return "its " + inChannels + " input channels are not divisible by Groups = " + groups;
        }

        return outChannels % groups != 0 ? "its " + outChannels + " output channels are not divisible by Groups = " + groups : null;
    }

    /// <summary>
    /// Why a layer cannot take a free height or width: it needs every size fixed (it flattens, or has a weight per element).
    /// </summary>
    public static string? NeedsFixedSize(Shape input, string what)
        => input.IsFixed ? null : what + ", which needs a fixed size, but its input depends on the model's free height and width";

    /// <summary>A convolution's output, with weights k·k·(in/groups)·out plus one bias per output channel.</summary>
    public static LayerShape Convolution(long outChannels, Dim h, Dim w, long inChannels, long kernel, long groups, bool bias)
    {
        var estimate = (double)kernel * kernel * (inChannels / groups) * outChannels;
        if (estimate > MaxExactParameters)
        {
            return LayerShape.Fails("it would have about " + estimate.ToString("E2", CultureInfo.InvariantCulture) + " weights, too many to hold");
        }

        return Image(outChannels, h, w, (kernel * kernel * (inChannels / groups) * outChannels) + (bias ? outChannels : 0));
    }

    public static LayerShape Image(long channels, Dim h, Dim w, long parameters)
        => channels > int.MaxValue ? LayerShape.Fails("its " + channels + " output channels are more than a dimension can hold")
            : !h.Fits || !w.Fits
            ? LayerShape.Fails("its output of " + h + "×" + w + " pixels is more than a dimension can hold")
            : LayerShape.Ok(Shape.Of(Dim.Of(channels), h, w), parameters);

    public static string Square(long side) => side + "×" + side;
}
