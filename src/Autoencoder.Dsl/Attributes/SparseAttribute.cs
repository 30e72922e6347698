using System;

namespace Autoencoder;

/// <summary>
/// Makes a sparse autoencoder: penalties on the code's activations added to the reconstruction loss and logged as their own
/// terms. <see cref="L1Weight"/> weights λ·Σ_j |h_j| (<c>l1</c>); <see cref="SparsityTarget"/> and <see cref="SparsityWeight"/> add
/// β·Σ_j KL(ρ ‖ ρ̂_j), where ρ̂_j is code unit j's mean activation over the batch (<c>kl_sparsity</c>), which needs an encoder
/// ending in <see cref="Activation.Sigmoid"/>. Both are averaged over the batch. E.g. <c>[Sparse(L1Weight = 1e-4)]</c> or
/// <c>[Sparse(SparsityTarget = 0.05, SparsityWeight = 3)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class SparseAttribute : Attribute
{
    /// <summary>λ, the weight of the L1 penalty on the code's activations; no L1 penalty unless set.</summary>
    public double L1Weight { get; set; }

    /// <summary>ρ, the mean activation each code unit should have, in (0, 1); no KL penalty unless set.</summary>
    public double SparsityTarget { get; set; }

    /// <summary>β, the weight of the KL sparsity penalty; 1 unless set. Applies with <see cref="SparsityTarget"/> only.</summary>
    public double SparsityWeight { get; set; } = Defaults.SparsityWeight;

    /// <summary>The former name of <see cref="L1Weight"/>.</summary>
    [Obsolete("Renamed L1Weight: every loss-term weight is named after its term.")]
    public double L1
    {
        get => L1Weight;
        set => L1Weight = value;
    }

    /// <summary>The former name of <see cref="SparsityTarget"/>.</summary>
    [Obsolete("Renamed SparsityTarget.")]
    public double Target
    {
        get => SparsityTarget;
        set => SparsityTarget = value;
    }

    /// <summary>The former name of <see cref="SparsityWeight"/>.</summary>
    [Obsolete("Renamed SparsityWeight: every loss-term weight is named after its term.")]
    public double Weight
    {
        get => SparsityWeight;
        set => SparsityWeight = value;
    }
}
