using System;

namespace Autoencoder;

/// <summary>
/// Makes the model a variational autoencoder (Kingma &amp; Welling 2014), or a β-VAE (Higgins et al. 2017) when
/// <see cref="KlWeight"/> is not 1: <c>[Variational(50, KlWeight = 4, Likelihood = Likelihood.Bernoulli)]</c>. The encoder's
/// layers end in a flat feature vector; the generator adds two dense heads to <see cref="LatentSize"/> for the mean and
/// the log-variance of q(z | x), so <c>Encode</c> is declared returning
/// <c>Autoencoder.Runtime.Generative.GaussianCode</c>, and <c>Decode</c> takes a latent [B, LatentSize].
/// The model trains on the negative ELBO, −log p(x | z) + β·KL(q(z | x) ‖ N(0, I)), in nats per sample.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VariationalAttribute : Attribute
{
    /// <summary>Declares a variational autoencoder with <paramref name="latentSize"/> latent units.</summary>
    /// <param name="latentSize">Dimensions of z; at least 1.</param>
    public VariationalAttribute(int latentSize) => LatentSize = latentSize;

    /// <summary>Dimensions of z; at least 1.</summary>
    public int LatentSize { get; }

    /// <summary>β, the weight of the KL term: 1 is the VAE's ELBO, more than 1 a β-VAE; a finite number ≥ 0. 1 unless set.</summary>
    public double KlWeight { get; set; } = Defaults.KlWeight;

    /// <summary>The former name of <see cref="KlWeight"/>.</summary>
    [Obsolete("Renamed KlWeight: every loss-term weight is named after its term.")]
    public double Beta
    {
        get => KlWeight;
        set => KlWeight = value;
    }

    /// <summary>The decoder's distribution p(x | z); it must fit the declared loss. Bernoulli unless set.</summary>
    public Likelihood Likelihood { get; set; } = Likelihood.Bernoulli;

    /// <summary>
    /// Dynamic binarisation: while training, each batch is replaced by a fresh stochastic binarisation (each pixel 1 with
    /// probability equal to its intensity), which is both the input and the target. False unless set.
    /// </summary>
    public bool BinarizeInputs { get; set; }
}
