using System;

namespace Autoencoder;

/// <summary>
/// Makes a denoising autoencoder (Vincent et al. 2008): while training, inputs are corrupted by the declared noise and the
/// clean batch is the target, e.g. <c>[Denoising(NoiseKind.Gaussian, 0.3)]</c> or <c>[Denoising(NoiseKind.Masking, 0.25)]</c>.
/// The model gets <c>Corrupt</c> (the declared noise) and <c>Denoise</c> (the reconstruction of a corrupted batch).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DenoisingAttribute : Attribute
{
    /// <summary>Declares the corruption.</summary>
    /// <param name="noise">The noise process.</param>
    /// <param name="amount">σ for <see cref="NoiseKind.Gaussian"/> (≥ 0); the fraction of pixels, in [0, 1], for the others.</param>
    public DenoisingAttribute(NoiseKind noise, double amount)
    {
        Noise = noise;
        Amount = amount;
    }

    /// <summary>The noise process.</summary>
    public NoiseKind Noise { get; }

    /// <summary>σ for Gaussian noise; the fraction of corrupted pixels for masking and salt-and-pepper noise.</summary>
    public double Amount { get; }

    /// <summary>
    /// Residual learning (DnCNN, Zhang et al. 2017): the network predicts the noise and the model returns its input minus
    /// that prediction, <c>forward(x) = x − Decode(Encode(x))</c>. Needs a loss on values (MSE or L1) and a decoder that
    /// ends without a bounded activation, since noise takes either sign; false unless set.
    /// </summary>
    public bool PredictNoise { get; set; }

    /// <summary>
    /// Whether Gaussian noise is clipped to [0, 1], as a saved image would be; true unless set. The denoising benchmarks
    /// (BSD68, Set12 in the DnCNN paper) add it unclipped: set false to train as they test. Gaussian noise only.
    /// </summary>
    public bool Clip { get; set; } = true;
}
