using System;

namespace Autoencoder;

/// <summary>
/// Makes a contractive autoencoder (Rifai et al. 2011): λ·‖J_f(x)‖²_F, the squared Frobenius norm of the encoder's Jacobian
/// averaged over the batch, is added to the reconstruction loss and logged as <c>contractive</c>, e.g. <c>[Contractive(1e-4)]</c>.
/// Computed in closed form for an encoder that is one sigmoid Dense layer (after an optional Flatten), by autograd otherwise.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class ContractiveAttribute : Attribute
{
    /// <summary>Declares the penalty.</summary>
    /// <param name="contractiveWeight">λ, a finite number ≥ 0.</param>
    public ContractiveAttribute(double contractiveWeight) => ContractiveWeight = contractiveWeight;

    /// <summary>λ, the weight of the penalty.</summary>
    public double ContractiveWeight { get; }

    /// <summary>The former name of <see cref="ContractiveWeight"/>.</summary>
    [Obsolete("Renamed ContractiveWeight: every loss-term weight is named after its term.")]
    public double Weight => ContractiveWeight;
}
