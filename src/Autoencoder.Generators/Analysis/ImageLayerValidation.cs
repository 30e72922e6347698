using System;
using System.Collections.Generic;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>
    /// Range checks of the image layers' own values, before shape inference divides by strides and groups.
    /// Whether a layer fits its input is shape inference's job.
    /// </summary>
    internal static class ImageLayerValidation
    {
        public static bool Validate(LayerSpec layer, string where, List<DiagnosticInfo> diagnostics) => layer switch
        {
            Conv2dSpec conv => Conv2d(conv, where, diagnostics),
            ConvTranspose2dSpec convT => ConvTranspose2d(convT, where, diagnostics),
            Pool2dSpec pool => Positive(pool.KernelSize, "kernel size", pool, where, diagnostics)
                               & Positive(pool.EffectiveStride, "Stride", pool, where, diagnostics),
            UpsampleSpec upsample => UpsampleSize(upsample, where, diagnostics)
                                     & ModelAnalyzer.Check(Enum.IsDefined(typeof(Upsampling), upsample.Mode), upsample.Location, "The Mode of " + where, "one of " + string.Join(", ", Enum.GetNames(typeof(Upsampling))), ((int)upsample.Mode).ToString(System.Globalization.CultureInfo.InvariantCulture), diagnostics),
            Dropout2dSpec dropout => ModelAnalyzer.Check(dropout.Rate >= 0 && dropout.Rate < 1, layer.Location, "The rate of " + where, "in [0, 1)", Literals.Format(dropout.Rate), diagnostics),
            LayerNormSpec norm => Epsilon(norm.Epsilon, norm, where, diagnostics),
            GroupNormSpec norm => Positive(norm.Groups, "number of groups", norm, where, diagnostics)
                                  & Epsilon(norm.Epsilon, norm, where, diagnostics),
            _ => true,
        };

        /// <summary>A scale, or a height and a width; never both, never neither.</summary>
        private static bool UpsampleSize(UpsampleSpec upsample, string where, List<DiagnosticInfo> diagnostics)
        {
            if (upsample.Scale is { } scale)
            {
                return upsample.Height is null && upsample.Width is null
                    ? Positive(scale, "scale", upsample, where, diagnostics)
                    : Unsupported(upsample, where + " has both a scale and a Height or Width: give a scale, e.g. [Upsample(2)], or a size, e.g. [Upsample(Height = 28, Width = 28)]", diagnostics);
            }

            if (upsample.Height is null || upsample.Width is null)
            {
                return Unsupported(upsample, where + " needs a scale, e.g. [Upsample(2)], or both Height and Width, e.g. [Upsample(Height = 28, Width = 28)]", diagnostics);
            }

            return Positive(upsample.Height.Value, "Height", upsample, where, diagnostics)
                   & Positive(upsample.Width.Value, "Width", upsample, where, diagnostics);
        }

        private static bool Conv2d(Conv2dSpec conv, string where, List<DiagnosticInfo> diagnostics)
        {
            var ok = Kernel(conv, conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation, conv.Groups, where, diagnostics)
                     & ModelAnalyzer.CheckNeuron(conv.Activation, conv.Init, conv.NegativeSlope, conv.Location, where, diagnostics);
            if (conv.SamePadding && conv.Stride != 1)
            {
                ok = Unsupported(conv, "SamePadding keeps the input's height and width only with stride 1, but " + where + " has stride " + conv.Stride + ": remove SamePadding and set Padding instead", diagnostics);
            }
            else if (conv.SamePadding && conv.Padding != 0)
            {
                ok = Unsupported(conv, where + " sets both SamePadding and Padding = " + conv.Padding + ": keep one of them", diagnostics);
            }

            return ok;
        }

        private static bool ConvTranspose2d(ConvTranspose2dSpec conv, string where, List<DiagnosticInfo> diagnostics)
        {
            var ok = Kernel(conv, conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, conv.Dilation, conv.Groups, where, diagnostics)
                     & ModelAnalyzer.Check(conv.OutputPadding >= 0, conv.Location, "OutputPadding of " + where, "≥ 0", Literals.Format(conv.OutputPadding), diagnostics)
                     & ModelAnalyzer.CheckNeuron(conv.Activation, conv.Init, conv.NegativeSlope, conv.Location, where, diagnostics);

            // PyTorch rejects it too: output padding adds pixels no kernel position reaches otherwise.
            if (conv.OutputPadding > 0 && conv.OutputPadding >= conv.Stride && conv.OutputPadding >= conv.Dilation)
            {
                ok = Unsupported(conv, "OutputPadding must be less than Stride or Dilation, but " + where + " has output padding " + conv.OutputPadding
                                       + ", stride " + conv.Stride + " and dilation " + conv.Dilation, diagnostics);
            }

            return ok;
        }

        private static bool Kernel(LayerSpec layer, int outChannels, int kernel, int stride, int padding, int dilation, int groups, string where, List<DiagnosticInfo> diagnostics)
            => Positive(outChannels, "output channels", layer, where, diagnostics)
               & Positive(kernel, "kernel size", layer, where, diagnostics)
               & Positive(stride, "Stride", layer, where, diagnostics)
               & ModelAnalyzer.Check(padding >= 0, layer.Location, "Padding of " + where, "≥ 0", Literals.Format(padding), diagnostics)
               & Positive(dilation, "Dilation", layer, where, diagnostics)
               & Positive(groups, "Groups", layer, where, diagnostics);

        // NaN fails the comparison too; an infinite epsilon would scale every output to zero.
        private static bool Epsilon(double epsilon, LayerSpec layer, string where, List<DiagnosticInfo> diagnostics)
            => ModelAnalyzer.Check(epsilon > 0 && !double.IsInfinity(epsilon), layer.Location, "Epsilon of " + where, "a finite number > 0", Literals.Format(epsilon), diagnostics);

        private static bool Positive(int value, string what, LayerSpec layer, string where, List<DiagnosticInfo> diagnostics)
        {
            var text = char.IsUpper(what[0]) ? what + " of " + where : "The " + what + " of " + where;
            return ModelAnalyzer.Check(value > 0, layer.Location, text, "positive", Literals.Format(value), diagnostics);
        }

        private static bool Unsupported(LayerSpec layer, string message, List<DiagnosticInfo> diagnostics)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, layer.Location, message));
            return false;
        }
    }
}
