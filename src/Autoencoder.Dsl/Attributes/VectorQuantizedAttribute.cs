using System;

namespace Autoencoder;

/// <summary>
/// Makes the autoencoder a VQ-VAE (van den Oord et al. 2017): every code vector the encoder outputs (the channel axis,
/// [B, D, H, W] for images, [B, D] for dense codes) is replaced by its nearest entry of a learned codebook of
/// <see cref="Codes"/> vectors of dimension <see cref="Dimension"/>, with the straight-through estimator for the
/// encoder's gradient: <c>[VectorQuantized(512, 64, Ema = true)]</c>. The loss adds the commitment loss, and the codebook
/// loss unless the codebook follows exponential moving averages (<see cref="Ema"/>); codebook usage and perplexity
/// are logged with it, and codes that fall out of use are re-initialised from the encoder's outputs.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class VectorQuantizedAttribute : Attribute
{
    /// <summary>Declares the codebook.</summary>
    /// <param name="codes">Codebook size K: how many code vectors; at least 2.</param>
    /// <param name="dimension">Code dimension D: the size of the encoder output's channel axis; at least 1.</param>
    public VectorQuantizedAttribute(int codes, int dimension)
    {
        Codes = codes;
        Dimension = dimension;
    }

    /// <summary>Codebook size K; at least 2.</summary>
    public int Codes { get; }

    /// <summary>Code dimension D, the encoder output's channel axis; at least 1.</summary>
    public int Dimension { get; }

    /// <summary>β, the weight of the commitment loss β‖z − sg[e]‖²; at least 0, 0.25 unless set (the paper's value).</summary>
    public double CommitmentWeight { get; set; } = Defaults.CommitmentWeight;

    /// <summary>
    /// Learn the codebook from exponential moving averages of the encoder outputs assigned to each code, instead of by
    /// gradient (van den Oord et al. 2017, appendix A.1); the loss then has no codebook term. False unless set.
    /// </summary>
    public bool Ema { get; set; }

    /// <summary>γ, the decay of the EMA codebook updates, in (0, 1); 0.99 unless set. Only with <see cref="Ema"/>.</summary>
    public double CodebookDecay { get; set; } = Defaults.CodebookDecay;

    /// <summary>ε of the Laplace smoothing of the EMA cluster sizes, greater than 0; 1e-5 unless set. Only with <see cref="Ema"/>.</summary>
    public double CodebookEpsilon { get; set; } = Defaults.CodebookEpsilon;

    /// <summary>
    /// A code whose moving average of assignments per training batch falls below this is dead, and is reset to a randomly
    /// chosen encoder output of the current batch (as in Jukebox, Dhariwal et al. 2020); 1 unless set, 0 turns resets off.
    /// </summary>
    public double DeadCodeThreshold { get; set; } = Defaults.DeadCodeThreshold;

    /// <summary>The former name of <see cref="CommitmentWeight"/>.</summary>
    [Obsolete("Renamed CommitmentWeight: every loss-term weight is named after its term.")]
    public double CommitmentCost
    {
        get => CommitmentWeight;
        set => CommitmentWeight = value;
    }

    /// <summary>The former name of <see cref="CodebookDecay"/>.</summary>
    [Obsolete("Renamed CodebookDecay, as the generated constant is named.")]
    public double Decay
    {
        get => CodebookDecay;
        set => CodebookDecay = value;
    }

    /// <summary>The former name of <see cref="CodebookEpsilon"/>.</summary>
    [Obsolete("Renamed CodebookEpsilon, as the generated constant is named.")]
    public double Epsilon
    {
        get => CodebookEpsilon;
        set => CodebookEpsilon = value;
    }
}
