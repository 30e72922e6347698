using System;

namespace Autoencoder;

/// <summary>
/// A 2-D convolution over an image input [C, H, W] → [outChannels, H', W'], with
/// H' = ⌊(H + 2·Padding − Dilation·(kernelSize − 1) − 1) / Stride⌋ + 1 (likewise W').
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class Conv2dAttribute : LayerAttribute
{
    /// <summary>Declares a convolution with a square kernel.</summary>
    /// <param name="outChannels">Output channels (filters); divisible by <see cref="Groups"/>.</param>
    /// <param name="kernelSize">Side of the square kernel.</param>
    /// <param name="activation">Nonlinearity after the convolution.</param>
    public Conv2dAttribute(int outChannels, int kernelSize, Activation activation = Activation.None)
    {
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>Output channels (filters).</summary>
    public int OutChannels { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Nonlinearity after the convolution.</summary>
    public Activation Activation { get; }

    /// <summary>Step between kernel positions; 1 unless set.</summary>
    public int Stride { get; set; } = Defaults.Stride;

    /// <summary>Zeros added on every side; 0 unless set. Leave it 0 when <see cref="SamePadding"/> is set.</summary>
    public int Padding { get; set; }

    /// <summary>Pads so the output has the input's height and width ("same" padding); needs <see cref="Stride"/> 1.</summary>
    public bool SamePadding { get; set; }

    /// <summary>Spacing between kernel elements; 1 (a dense kernel) unless set.</summary>
    public int Dilation { get; set; } = Defaults.Dilation;

    /// <summary>Channel groups convolved separately; input and output channels must both be divisible by it. 1 unless set.</summary>
    public int Groups { get; set; } = Defaults.Groups;

    /// <summary>Whether the layer learns an additive bias per output channel; true unless set.</summary>
    public bool Bias { get; set; } = Defaults.Bias;

    /// <summary>How the weights are initialised; the model's <see cref="AutoencoderAttribute.Init"/> unless set.</summary>
    public WeightInit Init { get; set; }

    /// <summary>Slope for negative inputs when <see cref="Activation"/> is LeakyReLU; 0.01 unless set.</summary>
    public double NegativeSlope { get; set; } = Defaults.NegativeSlope;
}
