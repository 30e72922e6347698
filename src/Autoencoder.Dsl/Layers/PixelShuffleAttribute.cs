using System;

namespace Autoencoder;

/// <summary>
/// Sub-pixel upsampling (Shi et al. 2016): an image [C·r², H, W] becomes [C, H·r, W·r], each group of r² channels
/// forming the r×r block of pixels at its position. No weights: put a convolution with C·r² output channels before it.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PixelShuffleAttribute : LayerAttribute
{
    /// <summary>Declares a pixel shuffle.</summary>
    /// <param name="factor">r: how many times the height and the width grow.</param>
    public PixelShuffleAttribute(int factor) => Factor = factor;

    /// <summary>r: how many times the height and the width grow; the channels shrink by r².</summary>
    public int Factor { get; }
}
