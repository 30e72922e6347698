using System;

namespace Autoencoder;

/// <summary>The shape of one input sample, without the batch dimension: <c>[Input(784)]</c> or <c>[Input(1, 28, 28)]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Declares the input shape.</summary>
    /// <param name="shape">Sizes of the non-batch dimensions, e.g. channels, height, width.</param>
    public InputAttribute(params int[] shape) => Shape = shape;

    /// <summary>Sizes of the non-batch dimensions.</summary>
    public int[] Shape { get; }
}
