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

    /// <summary>
    /// <c>DoubleConvolution.Of(...)</c> over a convolution module's weights (see <see cref="LayerKind.InDoubles"/>); null when
    /// the layer has an activation other than None or ReLU, or dilation or groups other than 1.
    /// </summary>
    public static string? InDoubles(string module, int stride, int padding, int outputPadding, bool transposed, int dilation, int groups, Activation activation)
    {
        if (dilation != 1 || groups != 1 || activation is not (Activation.None or Activation.ReLU))
        {
            return null;
        }

        var args = new List<string> { module + ".weight!", module + ".bias", "stride: " + stride, "padding: " + padding };
        if (transposed)
        {
            args.Add("transposed: true");
        }

        if (outputPadding != 0)
        {
            args.Add("outputPadding: " + outputPadding);
        }

        if (activation == Activation.ReLU)
        {
            args.Add("activation: " + TorchNames.Runtime + ".Compression.Deterministic.DoubleActivation.ReLU");
        }

        return TorchNames.Runtime + ".Compression.Deterministic.DoubleConvolution.Of(" + string.Join(", ", args) + ")";
    }
}
