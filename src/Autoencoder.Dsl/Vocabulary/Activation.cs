namespace Autoencoder;

/// <summary>The nonlinearity applied after a layer.</summary>
/// <remarks>The generator compiles this same file, so the numbers here are the contract between the two.</remarks>
public enum Activation
{
    /// <summary>No activation: the layer is linear (e.g. a code layer or a logits output).</summary>
    None = 0,
    /// <summary>max(0, x).</summary>
    ReLU = 1,
    /// <summary>max(0, x) + slope · min(0, x); the slope is the layer's <c>NegativeSlope</c> (0.01 unless set).</summary>
    LeakyReLU = 2,
    /// <summary>1 / (1 + e^−x): outputs in (0, 1), the usual last layer for images in [0, 1].</summary>
    Sigmoid = 3,
    /// <summary>Hyperbolic tangent: outputs in (−1, 1).</summary>
    Tanh = 4,
    /// <summary>Gaussian error linear unit (exact, erf-based).</summary>
    GELU = 5,
}
