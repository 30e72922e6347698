namespace Autoencoder;

/// <summary>
/// The value each setting takes when it is not set. The attributes, the YAML format and the generator read them from
/// here, so a default is written once.
/// </summary>
public static class Defaults
{
    /// <summary>Slope for negative inputs of LeakyReLU (PyTorch's default).</summary>
    public const double NegativeSlope = 0.01;

    /// <summary>Whether a layer with weights learns an additive bias.</summary>
    public const bool Bias = true;

    /// <summary>Step of a convolution's kernel.</summary>
    public const int Stride = 1;

    /// <summary>Zeros added on every side of a convolution's input.</summary>
    public const int Padding = 0;

    /// <summary>Spacing between a convolution kernel's taps.</summary>
    public const int Dilation = 1;

    /// <summary>Channel groups of a convolution.</summary>
    public const int Groups = 1;

    /// <summary>Pixels added to one side of a transposed convolution's output.</summary>
    public const int OutputPadding = 0;

    /// <summary>Added to the variance by the normalisation layers, for numerical stability (PyTorch's default).</summary>
    public const double NormEpsilon = 1e-5;

    /// <summary>β, the weight of a variational model's KL term: 1 is the ELBO.</summary>
    public const double KlWeight = 1.0;

    /// <summary>β, the weight of a VQ-VAE's commitment loss (van den Oord et al. 2017).</summary>
    public const double CommitmentWeight = 0.25;

    /// <summary>γ, the decay of an EMA codebook's moving averages.</summary>
    public const double CodebookDecay = 0.99;

    /// <summary>ε of the Laplace smoothing of an EMA codebook's cluster sizes.</summary>
    public const double CodebookEpsilon = 1e-5;

    /// <summary>Assignments per batch below which a code is dead and is reset; 0 turns resets off.</summary>
    public const double DeadCodeThreshold = 1.0;

    /// <summary>β, the weight of a sparse model's KL sparsity penalty.</summary>
    public const double SparsityWeight = 1.0;

    /// <summary>The side of the random training patches of a model of free sizes, rounded up to its size multiple.</summary>
    public const int PatchSize = 256;

    /// <summary>The smallest random downscale factor of training images: 1 keeps every file's own scale.</summary>
    public const double MinimumScale = 1.0;

    /// <summary>Random patches cut from each training image every epoch.</summary>
    public const int PatchesPerImage = 1;
}
