using System;

namespace Autoencoder;

/// <summary>
/// Enlarges an image input [C, H, W], either by a whole factor, <c>[Upsample(2)]</c> → [C, 2·H, 2·W], or to a
/// given size, <c>[Upsample(Height = 28, Width = 28)]</c> → [C, 28, 28]. No parameters.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class UpsampleAttribute : LayerAttribute
{
    /// <summary>Declares upsampling by a factor.</summary>
    /// <param name="scale">Factor applied to height and width.</param>
    public UpsampleAttribute(int scale) => Scale = scale;

    /// <summary>Declares upsampling to a size: set <see cref="Height"/> and <see cref="Width"/>.</summary>
    public UpsampleAttribute()
    {
    }

    /// <summary>Factor applied to height and width; 0 when the layer upsamples to a size instead.</summary>
    public int Scale { get; }

    /// <summary>Output height, with <see cref="Width"/>, instead of a scale.</summary>
    public int Height { get; set; }

    /// <summary>Output width, with <see cref="Height"/>, instead of a scale.</summary>
    public int Width { get; set; }

    /// <summary>How new pixels are filled; <see cref="Upsampling.Nearest"/> unless set.</summary>
    public Upsampling Mode { get; set; }
}
