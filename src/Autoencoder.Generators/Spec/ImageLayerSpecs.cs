using System.Collections.Generic;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;

namespace Autoencoder.Generators.Spec
{
    /// <summary>A 2-D convolution with a square kernel.</summary>
    internal sealed record Conv2dSpec(
        int OutChannels,
        int KernelSize,
        int Stride,
        int Padding,
        bool SamePadding,
        int Dilation,
        int Groups,
        bool Bias,
        Activation Activation,
        double NegativeSlope,
        WeightInit Init,
        LocationInfo? Location)
        : LayerSpec(Location)
    {
        public override string Describe()
        {
            var parts = new List<string> { Literals.Format(OutChannels), Literals.Format(KernelSize) };
            ImageLayerText.AddIfNot(parts, "stride", Stride, 1);
            if (SamePadding)
            {
                parts.Add("same padding");
            }

            ImageLayerText.AddIfNot(parts, "padding", Padding, 0);
            ImageLayerText.AddCommon(parts, Dilation, Groups, Bias, Activation);
            return "Conv2d(" + string.Join(", ", parts) + ")";
        }
    }

    /// <summary>A transposed 2-D convolution with a square kernel.</summary>
    internal sealed record ConvTranspose2dSpec(
        int OutChannels,
        int KernelSize,
        int Stride,
        int Padding,
        int OutputPadding,
        int Dilation,
        int Groups,
        bool Bias,
        Activation Activation,
        double NegativeSlope,
        WeightInit Init,
        LocationInfo? Location)
        : LayerSpec(Location)
    {
        public override string Describe()
        {
            var parts = new List<string> { Literals.Format(OutChannels), Literals.Format(KernelSize) };
            ImageLayerText.AddIfNot(parts, "stride", Stride, 1);
            ImageLayerText.AddIfNot(parts, "padding", Padding, 0);
            ImageLayerText.AddIfNot(parts, "output padding", OutputPadding, 0);
            ImageLayerText.AddCommon(parts, Dilation, Groups, Bias, Activation);
            return "ConvTranspose2d(" + string.Join(", ", parts) + ")";
        }
    }

    internal enum PoolKind
    {
        Max,
        Average,
    }

    /// <summary>Max or average pooling over square windows; a null stride means "the kernel size".</summary>
    internal sealed record Pool2dSpec(PoolKind Kind, int KernelSize, int? Stride, LocationInfo? Location) : LayerSpec(Location)
    {
        public int EffectiveStride => Stride ?? KernelSize;

        public override string Describe()
        {
            var name = Kind == PoolKind.Max ? "MaxPool2d(" : "AvgPool2d(";
            var parts = new List<string> { Literals.Format(KernelSize) };
            ImageLayerText.AddIfNot(parts, "stride", EffectiveStride, KernelSize);
            return name + string.Join(", ", parts) + ")";
        }
    }

    /// <summary>
    /// Upsampling of height and width by a whole factor or to a size. Null means "not declared": validation
    /// requires either a scale or both sides.
    /// </summary>
    internal sealed record UpsampleSpec(int? Scale, int? Height, int? Width, Upsampling Mode, LocationInfo? Location) : LayerSpec(Location)
    {
        public bool ToSize => Scale is null;

        public override string Describe()
        {
            var size = ToSize ? "to " + Literals.Format(Height ?? 0) + "×" + Literals.Format(Width ?? 0) : Literals.Format(Scale ?? 0);
            return "Upsample(" + size + (Mode == Upsampling.Nearest ? string.Empty : ", " + Mode) + ")";
        }
    }

    /// <summary>Batch normalisation; 1-d or 2-d follows from the input's rank.</summary>
    internal sealed record BatchNormSpec(LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "BatchNorm";
    }

    /// <summary>Dropout of whole channels.</summary>
    internal sealed record Dropout2dSpec(double Rate, LocationInfo? Location) : LayerSpec(Location)
    {
        public override string Describe() => "Dropout2d(" + Literals.Format(Rate) + ")";
    }

    /// <summary>The optional parts of a convolution's description, in one order for both kinds.</summary>
    internal static class ImageLayerText
    {
        public static void AddIfNot(List<string> parts, string name, int value, int usual)
        {
            if (value != usual)
            {
                parts.Add(name + " " + Literals.Format(value));
            }
        }

        public static void AddCommon(List<string> parts, int dilation, int groups, bool bias, Activation activation)
        {
            AddIfNot(parts, "dilation", dilation, 1);
            AddIfNot(parts, "groups", groups, 1);
            if (!bias)
            {
                parts.Add("no bias");
            }

            if (activation != Activation.None)
            {
                parts.Add(activation.ToString());
            }
        }
    }
}
