namespace Autoencoder;

/// <summary>The decoder's distribution p(x | z) in a variational autoencoder: what its output parameterises.</summary>
public enum Likelihood
{
    /// <summary>
    /// One Bernoulli per pixel, for binary (or binarised) images: the decoder outputs the probabilities (ending in
    /// <see cref="Activation.Sigmoid"/>, with <see cref="ReconstructionLoss.BinaryCrossEntropy"/>) or their logits (no final
    /// activation, with <see cref="ReconstructionLoss.BinaryCrossEntropyWithLogits"/>).
    /// </summary>
    Bernoulli = 0,

    /// <summary>
    /// A Gaussian with unit variance per element, centred on the decoder's output: declare
    /// <see cref="ReconstructionLoss.MeanSquaredError"/>.
    /// </summary>
    Gaussian = 1,
}
