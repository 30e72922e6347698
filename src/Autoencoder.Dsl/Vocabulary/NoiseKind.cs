namespace Autoencoder;

/// <summary>How a denoising autoencoder corrupts its training inputs (images with values in [0, 1]).</summary>
public enum NoiseKind
{
    /// <summary>Additive N(0, σ²) noise on every pixel, clipped to [0, 1]; the amount is σ.</summary>
    Gaussian = 0,
    /// <summary>Masking noise (Vincent et al. 2008): the amount is the fraction of each image's pixels set to 0.</summary>
    Masking = 1,
    /// <summary>Salt-and-pepper noise: the amount is the fraction of each image's pixels set to 0 or 1, with equal probability.</summary>
    SaltAndPepper = 2,
    /// <summary>
    /// Block (inpainting) noise: one axis-aligned square per image, at a random place inside it, set to 0; the amount is
    /// the square's side as a fraction of the image's shorter side. Needs image inputs [C, H, W].
    /// </summary>
    Block = 3,
}
