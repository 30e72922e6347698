namespace Autoencoder.Generators.Spec;

/// <summary>
/// What a model adds to its reconstruction objective: input corruption while training (denoising) and penalties on the
/// code (sparse, contractive). Declared by attributes or YAML; analysed and emitted the same way for both. Each part is
/// null when not declared; a model that declares none has no <see cref="RegularizationSpec"/> at all.
/// </summary>
internal sealed record RegularizationSpec(DenoisingSpec? Denoising, SparseSpec? Sparse, ContractiveSpec? Contractive)
{
    /// <summary>The spec for a model, or null when it declares nothing, so such models keep their old spec.</summary>
    public static RegularizationSpec? Of(DenoisingSpec? denoising, SparseSpec? sparse, ContractiveSpec? contractive)
        => denoising is null && sparse is null && contractive is null ? null : new RegularizationSpec(denoising, sparse, contractive);
}

/// <summary>
/// <c>[Denoising(noise, amount)]</c>: σ for Gaussian noise, a fraction of pixels for the others; <see cref="PredictNoise"/>
/// makes the network predict the noise, subtracted from the input (residual learning); <see cref="Clip"/> false leaves
/// Gaussian noise unclipped.
/// </summary>
internal sealed record DenoisingSpec(NoiseKind Noise, double Amount, LocationInfo? Location, bool PredictNoise = false, bool Clip = true);

/// <summary><c>[Sparse(L1Weight = λ, SparsityTarget = ρ, SparsityWeight = β)]</c>; null means "not set".</summary>
internal sealed record SparseSpec(double? L1Weight, double? SparsityTarget, double? SparsityWeight, LocationInfo? Location);

/// <summary><c>[Contractive(λ)]</c>.</summary>
internal sealed record ContractiveSpec(double ContractiveWeight, LocationInfo? Location);
