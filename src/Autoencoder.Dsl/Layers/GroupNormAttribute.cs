using System;

namespace Autoencoder;

/// <summary>
/// Group normalisation: splits the channels of [C, H, W] (or the features of [F]) into <c>groups</c> groups, normalises
/// each group of each sample to zero mean and unit variance, then learns a scale and a shift per channel (2·C
/// parameters). Independent of the batch, so it suits small batches; <c>[GroupNorm(1)]</c> normalises like
/// <see cref="LayerNormAttribute"/> with a per-channel affine, <c>[GroupNorm(C)]</c> is instance normalisation.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GroupNormAttribute : LayerAttribute
{
    /// <summary>Declares group normalisation.</summary>
    /// <param name="groups">Number of groups; positive, and the channel count must be divisible by it.</param>
    public GroupNormAttribute(int groups) => Groups = groups;

    /// <summary>Number of groups the channels are split into.</summary>
    public int Groups { get; }

    /// <summary>Added to the variance before its square root, to keep the division finite; a finite number &gt; 0, 1e-5 unless set.</summary>
    public double Epsilon { get; set; } = Defaults.NormEpsilon;
}
