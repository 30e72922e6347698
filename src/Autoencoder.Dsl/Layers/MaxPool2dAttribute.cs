using System;

namespace Autoencoder;

/// <summary>
/// Takes the maximum of each square window of an image input [C, H, W] → [C, H', W'], with
/// H' = ⌊(H − kernelSize) / Stride⌋ + 1 (likewise W'). No parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class MaxPool2dAttribute : LayerAttribute
{
    private int? _stride;

    /// <summary>Declares max pooling.</summary>
    /// <param name="kernelSize">Side of the square window.</param>
    public MaxPool2dAttribute(int kernelSize) => KernelSize = kernelSize;

    /// <summary>Side of the square window.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows; the kernel size (windows that do not overlap) unless set.</summary>
    public int Stride
    {
        get => _stride ?? KernelSize;
        set => _stride = value;
    }
}
