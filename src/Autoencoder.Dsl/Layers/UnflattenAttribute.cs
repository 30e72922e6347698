using System;

namespace Autoencoder;

/// <summary>Reshapes a flat input into the given non-batch shape: [B, C·H·W] → [B, C, H, W].</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class UnflattenAttribute : LayerAttribute
{
    /// <summary>Declares the target shape.</summary>
    /// <param name="shape">Sizes of the non-batch dimensions; their product must equal the input's size.</param>
    public UnflattenAttribute(params int[] shape) => Shape = shape;

    /// <summary>Sizes of the non-batch dimensions.</summary>
    public int[] Shape { get; }
}
