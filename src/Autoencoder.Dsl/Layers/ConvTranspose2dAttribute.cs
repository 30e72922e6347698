using System;

namespace Autoencoder;

/// <summary>
/// A transposed 2-D convolution, the usual upsampling step of a decoder: [C, H, W] → [outChannels, H', W'], with
/// H' = (H − 1)·Stride − 2·Padding + Dilation·(kernelSize − 1) + OutputPadding + 1 (likewise W').
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ConvTranspose2dAttribute : LayerAttribute
{
    /// <summary>Declares a transposed convolution with a square kernel.</summary>
    /// <param name="outChannels">Output channels; divisible by <see cref="Groups"/>.</param>
    /// <param name="kernelSize">Side of the square kernel.</param>
    /// <param name="activation">Nonlinearity after the convolution.</param>
    public ConvTranspose2dAttribute(int outChannels, int kernelSize, Activation activation = Activation.None)
    {
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Activation = activation;
    }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Nonlinearity after the convolution.</summary>
    public Activation Activation { get; }

    /// <summary>Upsampling factor; 1 unless set.</summary>
    public int Stride { get; set; } = Defaults.Stride;

    /// <summary>Removes this many pixels from every side of the output; 0 unless set.</summary>
    public int Padding { get; set; }

    /// <summary>
    /// Pixels added to one side of the output, to reach the size a strided <see cref="Conv2dAttribute"/> started from
    /// (e.g. 1 to undo a stride-2, padding-1, kernel-3 convolution of an even size). Less than Stride or Dilation; 0 unless set.
    /// </summary>
    public int OutputPadding { get; set; }

    /// <summary>Spacing between kernel elements; 1 unless set.</summary>
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
