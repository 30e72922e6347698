namespace Autoencoder;

/// <summary>How <see cref="UpsampleAttribute"/> fills the pixels it adds.</summary>
/// <remarks>
/// The generator compiles this same file, so the numbers here are the contract between the two. Not called
/// UpsampleMode: with <c>using static TorchSharp.torch</c> that name would clash with TorchSharp's own enum.
/// </remarks>
public enum Upsampling
{
    /// <summary>Repeats each pixel: blocky, but adds no values that were not there.</summary>
    Nearest = 0,
    /// <summary>Interpolates linearly between the four nearest pixels (corners not aligned, as in PyTorch's default).</summary>
    Bilinear = 1,
}
