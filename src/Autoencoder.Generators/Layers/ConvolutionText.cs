using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>The optional parts of a convolution, in one order for both kinds: in its description and in its constructor call.</summary>
internal static class ConvolutionText
{
    /// <summary>Adds "stride 2" to a description when the value is not the usual one.</summary>
    public static void Describe(List<string> parts, string name, int value, int usual)
    {
        if (value != usual)
        {
            parts.Add(name + " " + Literals.Format(value));
        }
    }

    public static void DescribeCommon(List<string> parts, int dilation, int groups, bool bias, Activation activation)
    {
        Describe(parts, "dilation", dilation, Defaults.Dilation);
        Describe(parts, "groups", groups, Defaults.Groups);
        if (!bias)
        {
            parts.Add("no bias");
        }

        if (activation != Activation.None)
        {
            parts.Add(activation.ToString());
        }
    }

    /// <summary>Adds the named argument "stride: 2" to a constructor call when the value is not TorchSharp's default.</summary>
    public static void Argument(List<string> args, string name, int value, int usual)
    {
        if (value != usual)
        {
            args.Add(name + ": " + Literals.Format(value));
        }
    }

    public static void CommonArguments(List<string> args, int dilation, int groups, bool bias)
    {
        Argument(args, "dilation", dilation, Defaults.Dilation);
        Argument(args, "groups", groups, Defaults.Groups);
        if (!bias)
        {
            args.Add("bias: false");
        }
    }
}
