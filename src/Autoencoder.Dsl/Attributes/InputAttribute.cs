using System;

namespace Autoencoder;

/// <summary>
/// The shape of one input sample, without the batch dimension: <c>[Input(784)]</c>, <c>[Input(1, 28, 28)]</c>, or for a fully
/// convolutional model of any size <c>[Input(3, Any.Height, Any.Width)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class InputAttribute : Attribute
{
    /// <summary>Declares the input shape.</summary>
    /// <param name="shape">Sizes of the non-batch dimensions, e.g. channels, height, width.</param>
    public InputAttribute(params int[] shape) => Shape = shape;

    /// <summary>Sizes of the non-batch dimensions.</summary>
    public int[] Shape { get; }

    /// <summary>
    /// For free sides (<see cref="Any"/>): the smallest height and width the model is meant for, rounded up to the size multiple.
    /// 0 (the default) means the smallest the layers take.
    /// </summary>
    public int MinimumSize { get; set; }
}
