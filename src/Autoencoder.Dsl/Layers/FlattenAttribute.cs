using System;

namespace Autoencoder;

/// <summary>Flattens every non-batch dimension into one: [B, C, H, W] → [B, C·H·W].</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class FlattenAttribute : LayerAttribute
{
}
