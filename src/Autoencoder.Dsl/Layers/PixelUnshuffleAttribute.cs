using System;

namespace Autoencoder;

/// <summary>
/// The inverse of <see cref="PixelShuffleAttribute"/>: an image [C, H·r, W·r] becomes [C·r², H, W], each r×r block of
/// pixels becoming r² channels. A lossless downsampling with no weights.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class PixelUnshuffleAttribute : LayerAttribute
{
    /// <summary>Declares a pixel unshuffle.</summary>
    /// <param name="factor">r: how many times the height and the width shrink.</param>
    public PixelUnshuffleAttribute(int factor) => Factor = factor;

    /// <summary>r: how many times the height and the width shrink; the channels grow by r².</summary>
    public int Factor { get; }
}
