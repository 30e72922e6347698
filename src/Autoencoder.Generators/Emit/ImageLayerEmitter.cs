using System.Collections.Generic;
using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Emit
{
    /// <summary>
    /// Code for the image layers. Convolutions and batch norm are registered modules (they own weights or
    /// running statistics, which train()/eval() switch); pooling, upsampling and channel dropout are calls.
    /// </summary>
    internal static class ImageLayerEmitter
    {
        public static string? FieldType(AnalyzedLayer layer) => layer.Layer switch
        {
            Conv2dSpec => "global::TorchSharp.Modules.Conv2d",
            ConvTranspose2dSpec => "global::TorchSharp.Modules.ConvTranspose2d",
            BatchNormSpec => layer.Input.Rank == 1 ? "global::TorchSharp.Modules.BatchNorm1d" : "global::TorchSharp.Modules.BatchNorm2d",
            LayerNormSpec => "global::TorchSharp.Modules.LayerNorm",
            GroupNormSpec => "global::TorchSharp.Modules.GroupNorm",
            _ => null,
        };

        public static string? Construction(AnalyzedLayer layer)
        {
            var inChannels = Literals.Format(layer.Input.Dimensions[0]);
            switch (layer.Layer)
            {
                case Conv2dSpec conv:
                {
                    // TorchSharp's Padding.Same overload works out (possibly uneven) padding the way PyTorch does.
                    var args = new List<string> { inChannels, Literals.Format(conv.OutChannels), "kernel_size: " + conv.KernelSize };
                    AddIfNot(args, "stride", conv.Stride, 1);
                    if (conv.SamePadding)
                    {
                        args.Add("padding: global::TorchSharp.Padding.Same");
                    }

                    AddIfNot(args, "padding", conv.Padding, 0);
                    AddCommon(args, conv.Dilation, conv.Groups, conv.Bias);
                    return TorchNames.Nn + ".Conv2d(" + string.Join(", ", args) + ")";
                }

                case ConvTranspose2dSpec convT:
                {
                    var args = new List<string> { inChannels, Literals.Format(convT.OutChannels), "kernel_size: " + convT.KernelSize };
                    AddIfNot(args, "stride", convT.Stride, 1);
                    AddIfNot(args, "padding", convT.Padding, 0);
                    AddIfNot(args, "output_padding", convT.OutputPadding, 0);
                    AddCommon(args, convT.Dilation, convT.Groups, convT.Bias);
                    return TorchNames.Nn + ".ConvTranspose2d(" + string.Join(", ", args) + ")";
                }

                case BatchNormSpec:
                    return TorchNames.Nn + (layer.Input.Rank == 1 ? ".BatchNorm1d(" : ".BatchNorm2d(") + inChannels + ")";
                case LayerNormSpec norm:
                    return TorchNames.Nn + ".LayerNorm(new long[] { " + layer.Input.ToCSharpList() + " }" + Epsilon(norm.Epsilon) + ")";
                case GroupNormSpec norm:
                    return TorchNames.Nn + ".GroupNorm(" + Literals.Format(norm.Groups) + ", " + inChannels + Epsilon(norm.Epsilon) + ")";
                default:
                    return null;
            }
        }

        public static string? Application(SourceWriter w, AnalyzedLayer layer, string p) => layer.Layer switch
        {
            Conv2dSpec conv => ModelEmitter.Activate(w, conv.Activation, conv.NegativeSlope, layer.Name + ".forward(" + p + ")"),
            ConvTranspose2dSpec convT => ModelEmitter.Activate(w, convT.Activation, convT.NegativeSlope, layer.Name + ".forward(" + p + ")"),
            // Not BatchNorm's own forward: it counts a training batch with a temporary Scalar (ScalarHelpers.BatchNorm).
            BatchNormSpec => ScalarHelpers.BatchNorm(layer.Name, p),
            LayerNormSpec => layer.Name + ".forward(" + p + ")",

            // TorchSharp's GroupNorm module rejects [B, F]; PyTorch reads it as [B, C], the same as [B, C, 1].
            GroupNormSpec => layer.Input.Rank == 1 ? layer.Name + ".forward(" + p + ".unsqueeze(-1)).squeeze(-1)" : layer.Name + ".forward(" + p + ")",
            Pool2dSpec pool => TorchNames.Functional + (pool.Kind == PoolKind.Max ? ".max_pool2d(" : ".avg_pool2d(") + p + ", " + pool.KernelSize + ", stride: " + pool.EffectiveStride + ")",
            UpsampleSpec upsample => TorchNames.Functional + ".interpolate(" + p + ", "
                                     + (upsample.ToSize ? "size: new long[] { " + layer.Output.Dimensions[1] + ", " + layer.Output.Dimensions[2] + " }" : "scale_factor: new double[] { " + upsample.Scale + ", " + upsample.Scale + " }")
                                     + ", mode: " + TorchNames.Torch + ".InterpolationMode." + upsample.Mode + ")",
            Dropout2dSpec dropout => TorchNames.Functional + ".dropout2d(" + p + ", " + Literals.Format(dropout.Rate) + ", training)",
            _ => null,
        };

        /// <summary>The initialiser and bias of a layer with weights, or null for one without.</summary>
        public static (WeightInit Init, bool Bias)? Weights(LayerSpec layer) => layer switch
        {
            DenseSpec dense => (dense.Init, dense.Bias),
            Conv2dSpec conv => (conv.Init, conv.Bias),
            ConvTranspose2dSpec convT => (convT.Init, convT.Bias),
            _ => null,
        };

        /// <summary>
        /// Lines that set a GroupNorm's scale to one and shift to zero: TorchSharp 0.107 allocates them with torch.empty and
        /// never fills them, where PyTorch starts the layer as the identity. Null for every other layer.
        /// </summary>
        public static string[]? Initialisation(AnalyzedLayer layer) => layer.Layer is GroupNormSpec
            ? new[]
            {
                "// " + layer.Name + " starts as the identity, as in PyTorch: TorchSharp allocates GroupNorm's scale and shift without setting them.",
                TorchNames.Nn + ".init.ones_(" + layer.Name + ".weight);",
                TorchNames.Nn + ".init.zeros_(" + layer.Name + ".bias);",
            }
            : null;

        private static string Epsilon(double epsilon) => NormText.IsDefault(epsilon) ? string.Empty : ", eps: " + Literals.Format(epsilon);

        private static void AddIfNot(List<string> args, string name, int value, int usual)
        {
            if (value != usual)
            {
                args.Add(name + ": " + Literals.Format(value));
            }
        }

        private static void AddCommon(List<string> args, int dilation, int groups, bool bias)
        {
            AddIfNot(args, "dilation", dilation, 1);
            AddIfNot(args, "groups", groups, 1);
            if (!bias)
            {
                args.Add("bias: false");
            }
        }
    }
}
