using System.Globalization;
using Autoencoder.Generators.Spec;
using static Autoencoder.Generators.Analysis.ShapeInference;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>
    /// Shapes of the layers that work on images [C, H, W], with PyTorch's formulas. Sizes are computed in
    /// long so that absurd declarations get a message instead of an overflow.
    /// </summary>
    internal static class ImageShapeInference
    {
        private const double MaxExactParameters = 9_007_199_254_740_992; // 2^53

        public static LayerShape Conv2d(Conv2dSpec conv, Shape input)
        {
            var problem = NeedsImage(input) ?? Groups(input.Dimensions[0], conv.OutChannels, conv.Groups);
            if (problem is not null)
            {
                return LayerShape.Fails(problem);
            }

            long h = input.Dimensions[1], w = input.Dimensions[2];
            if (!conv.SamePadding)
            {
                var span = ((long)conv.Dilation * (conv.KernelSize - 1)) + 1;
                long paddedH = h + (2L * conv.Padding), paddedW = w + (2L * conv.Padding);
                if (paddedH < span || paddedW < span)
                {
                    var kernel = conv.Dilation == 1 ? Square(span) + " kernel" : Square(conv.KernelSize) + " kernel, dilated to " + Square(span) + ",";
                    return LayerShape.Fails("its " + kernel + " is larger than the padded input " + paddedH + "×" + paddedW);
                }

                h = ((paddedH - span) / conv.Stride) + 1;
                w = ((paddedW - span) / conv.Stride) + 1;
            }

            return Image(conv.OutChannels, h, w, input.Dimensions[0], conv.KernelSize, conv.Groups, conv.Bias);
        }

        public static LayerShape ConvTranspose2d(ConvTranspose2dSpec conv, Shape input)
        {
            var problem = NeedsImage(input) ?? Groups(input.Dimensions[0], conv.OutChannels, conv.Groups);
            if (problem is not null)
            {
                return LayerShape.Fails(problem);
            }

            // In double: stride and dilation near int.MaxValue would overflow long; any size that fits an int is exact.
            double Grow(int size) => ((size - 1.0) * conv.Stride) - (2.0 * conv.Padding) + ((double)conv.Dilation * (conv.KernelSize - 1)) + conv.OutputPadding + 1;
            double h = Grow(input.Dimensions[1]), w = Grow(input.Dimensions[2]);
            if (h > int.MaxValue || w > int.MaxValue)
            {
                return LayerShape.Fails("its output of " + h.ToString("E2", CultureInfo.InvariantCulture) + "×" + w.ToString("E2", CultureInfo.InvariantCulture) + " pixels is more than a dimension can hold");
            }

            if (h <= 0 || w <= 0)
            {
                return LayerShape.Fails("its output would be " + h + "×" + w + " pixels: Padding " + conv.Padding + " removes more than the layer adds");
            }

            return Image(conv.OutChannels, (long)h, (long)w, input.Dimensions[0], conv.KernelSize, conv.Groups, conv.Bias);
        }

        public static LayerShape Pool2d(Pool2dSpec pool, Shape input)
        {
            var problem = NeedsImage(input);
            if (problem is not null)
            {
                return LayerShape.Fails(problem);
            }

            long h = input.Dimensions[1], w = input.Dimensions[2];
            if (h < pool.KernelSize || w < pool.KernelSize)
            {
                return LayerShape.Fails("its " + Square(pool.KernelSize) + " window is larger than the " + h + "×" + w + " input");
            }

            var stride = pool.EffectiveStride;
            return Image(input.Dimensions[0], ((h - pool.KernelSize) / stride) + 1, ((w - pool.KernelSize) / stride) + 1, 0);
        }

        public static LayerShape Upsample(UpsampleSpec upsample, Shape input)
        {
            var problem = NeedsImage(input);
            if (problem is not null)
            {
                return LayerShape.Fails(problem);
            }

            if (upsample.ToSize)
            {
                return Image(input.Dimensions[0], upsample.Height ?? 0, upsample.Width ?? 0, 0);
            }

            var scale = upsample.Scale ?? 1;
            return Image(input.Dimensions[0], (long)input.Dimensions[1] * scale, (long)input.Dimensions[2] * scale, 0);
        }

        /// <summary>BatchNorm2d on [C, H, W], BatchNorm1d on [F]: a scale and a shift per channel. Running statistics are buffers, not parameters.</summary>
        public static LayerShape BatchNorm(Shape input) => input.Rank is 1 or 3
            ? LayerShape.Ok(input, 2L * input.Dimensions[0])
            : LayerShape.Fails("batch normalisation needs features [F] or an image [C, H, W], not rank " + input.Rank);

        /// <summary>LayerNorm over the whole sample, of any shape: a scale and a shift per element.</summary>
        public static LayerShape LayerNorm(Shape input) => input.Size > MaxExactParameters / 2
            ? LayerShape.Fails("it would have about " + (2.0 * input.Size).ToString("E2", CultureInfo.InvariantCulture) + " parameters, too many to hold")
            : LayerShape.Ok(input, 2L * input.Size);

        /// <summary>GroupNorm on [C, ...] (on [F], C = F): a scale and a shift per channel. Groups is positive, validation saw to that.</summary>
        public static LayerShape GroupNorm(GroupNormSpec norm, Shape input)
        {
            var channels = input.Dimensions[0];
            return channels % norm.Groups == 0
                ? LayerShape.Ok(input, 2L * channels)
                : LayerShape.Fails("its " + channels + (input.Rank == 1 ? " features" : " channels") + " are not divisible by its " + norm.Groups + " groups");
        }

        public static LayerShape Dropout2d(Shape input)
        {
            var problem = NeedsImage(input);
            return problem is null ? LayerShape.Ok(input) : LayerShape.Fails(problem);
        }

        /// <summary>A convolution's output, with weights k·k·(in/groups)·out plus one bias per output channel.</summary>
        private static LayerShape Image(long outChannels, long h, long w, long inChannels, long kernel, long groups, bool bias)
        {
            // Counted in double first: up to 2^53 it is exact, beyond that no machine holds the weights anyway.
            var estimate = (double)kernel * kernel * (inChannels / groups) * outChannels;
            if (estimate > MaxExactParameters)
            {
                return LayerShape.Fails("it would have about " + estimate.ToString("E2", CultureInfo.InvariantCulture) + " weights, too many to hold");
            }

            return Image(outChannels, h, w, (kernel * kernel * (inChannels / groups) * outChannels) + (bias ? outChannels : 0));
        }

        private static string? NeedsImage(Shape input) => input.Rank switch
        {
            3 => null,
            1 => "it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it",
            _ => "it needs an image [C, H, W], not rank " + input.Rank,
        };

        private static string? Groups(int inChannels, int outChannels, int groups)
        {
            if (inChannels % groups != 0)
            {
                return "its " + inChannels + " input channels are not divisible by Groups = " + groups;
            }

            return outChannels % groups != 0 ? "its " + outChannels + " output channels are not divisible by Groups = " + groups : null;
        }

        private static LayerShape Image(long channels, long h, long w, long parameters)
            => h > int.MaxValue || w > int.MaxValue
                ? LayerShape.Fails("its output of " + h + "×" + w + " pixels is more than a dimension can hold")
                : LayerShape.Ok(Shape.Of((int)channels, (int)h, (int)w), parameters);

        private static string Square(long side) => side + "×" + side;
    }
}
