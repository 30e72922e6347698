namespace Autoencoder.Generators.Layers;

/// <summary>
/// The layer that maps a residual block's input to its body's output shape when the two differ (ResNet's
/// "option B"): a bias-free linear layer for features, and for images a bias-free 1×1 convolution whose stride
/// shrinks height and width, or a 1×1 transposed convolution whose stride (and output padding) grows them.
/// </summary>
internal static class ResidualProjection
{
    public static (LayerSpec? Layer, string? Problem) For(Shape input, Shape output)
    {
        if (input.Rank == 1 && output.Rank == 1)
        {
            return (new DenseSpec(output.Channels, Activation.None, Bias: false, NegativeSlope: Defaults.NegativeSlope, WeightInit.Default, null), null);
        }

        if (input.Rank != 3 || output.Rank != 3)
        {
            return (null, "a projection maps an image [C, H, W] to an image or features [F] to features, not rank " + input.Rank + " to rank " + output.Rank);
        }

        var channels = output.Channels;
        if (!input.IsFixed || !output.IsFixed)
        {
            return ForFreeSides(input, output, channels);
        }

        long h = input.Dimensions[1].Value, w = input.Dimensions[2].Value, outH = output.Dimensions[1].Value, outW = output.Dimensions[2].Value;
        if (outH <= h && outW <= w)
        {
            var stride = Shrink(h, outH, w, outW);
            return stride is { } s
                ? (new Conv2dSpec(channels, 1, s, 0, false, 1, 1, Bias: false, Activation.None, Defaults.NegativeSlope, WeightInit.Default, null), null)
                : (null, NoCommonStride(h, w, outH, outW));
        }

        if (outH >= h && outW >= w)
        {
            var grow = Grow(h, outH, w, outW);
            return grow is { } g
                ? (new ConvTranspose2dSpec(channels, 1, g.Stride, 0, g.OutputPadding, 1, 1, Bias: false, Activation.None, Defaults.NegativeSlope, WeightInit.Default, null), null)
                : (null, NoCommonStride(h, w, outH, outW));
        }

        return (null, "the body shrinks one of height and width and grows the other, which no 1×1 projection does");
    }

    /// <summary>
    /// The smallest stride s with ⌊(n − 1) / s⌋ + 1 = m for both sides: s lies in (⌊(n − 1) / m⌋, ⌊(n − 1) / (m − 1)⌋].
    /// Worked out in long so no size is too large to reason about.
    /// </summary>
    private static int? Shrink(long h, long outH, long w, long outW)
    {
        var low = System.Math.Max(((h - 1) / outH) + 1, ((w - 1) / outW) + 1);
        var high = System.Math.Min(ShrinkHigh(h, outH), ShrinkHigh(w, outW));
        return low <= high ? (int)low : null;
    }

    private static long ShrinkHigh(long n, long m) => m == 1 ? long.MaxValue : (n - 1) / (m - 1);

    /// <summary>
    /// The smallest stride s with (n − 1)·s + 1 + p = m and 0 ≤ p &lt; s for both sides, with one output padding p
    /// for both: s lies in (⌊(m − 1) / n⌋, ⌊(m − 1) / (n − 1)⌋].
    /// </summary>
    private static (int Stride, int OutputPadding)? Grow(long h, long outH, long w, long outW)
    {
        var low = System.Math.Max(((outH - 1) / h) + 1, ((outW - 1) / w) + 1);
        var high = System.Math.Min(GrowHigh(h, outH), GrowHigh(w, outW));
        if (low > high || low > int.MaxValue)
        {
            return null;
        }

        long paddingH = outH - 1 - ((h - 1) * low), paddingW = outW - 1 - ((w - 1) * low);
        return paddingH == paddingW ? ((int)low, (int)paddingH) : null;
    }

    private static long GrowHigh(long n, long m) => n == 1 ? long.MaxValue : (m - 1) / (n - 1);

    /// <summary>
    /// With free sides the body scales them by a whole factor (or its inverse): a 1×1 convolution with that stride, or a
    /// 1×1 transposed one with that stride and the output padding that matches the constant term. The caller checks that
    /// the projection's output is the body's for every admissible size.
    /// </summary>
    private static (LayerSpec? Layer, string? Problem) ForFreeSides(Shape input, Shape output, int channels)
    {
        var axis = input.Dimensions[1].IsFixed ? 2 : 1;
        Dim from = input.Dimensions[axis], to = output.Dimensions[axis];
        if (to.IsFixed || to.Side != from.Side)
        {
            return (null, "the body turns the free " + Dim.SideName(from.Side) + " " + from + " into " + to + ", which no 1×1 projection does");
        }

        long shrink = from.Numerator * to.Denominator, grow = to.Numerator * from.Denominator;
        if (shrink % grow == 0 && shrink / grow <= int.MaxValue)
        {
            var stride = (int)(shrink / grow);
            return (new Conv2dSpec(channels, 1, stride, 0, false, 1, 1, Bias: false, Activation.None, Defaults.NegativeSlope, WeightInit.Default, null), null);
        }

        if (grow % shrink == 0 && grow / shrink <= int.MaxValue)
        {
            var stride = grow / shrink;
            var outputPadding = to.Offset - ((from.Offset * stride) - stride + 1);
            if (outputPadding >= 0 && outputPadding < stride)
            {
                return (new ConvTranspose2dSpec(channels, 1, (int)stride, 0, (int)outputPadding, 1, 1, Bias: false, Activation.None, Defaults.NegativeSlope, WeightInit.Default, null), null);
            }
        }

        return (null, "no 1×1 projection with one stride maps " + input.Dimensions[1] + "×" + input.Dimensions[2] + " pixels to " + output.Dimensions[1] + "×" + output.Dimensions[2]
                      + "; keep the block's height and width, or change them by the same whole factor");
    }

    private static string NoCommonStride(long h, long w, long outH, long outW)
        => "no 1×1 projection with one stride maps " + h + "×" + w + " pixels to " + outH + "×" + outW
           + "; keep the block's height and width, or change them by the same whole factor";
}
