using System;

namespace Autoencoder;

/// <summary>The reconstruction loss the model is trained with.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class LossAttribute : Attribute
{
    /// <summary>Declares the reconstruction loss.</summary>
    public LossAttribute(ReconstructionLoss loss) => Loss = loss;

    /// <summary>The reconstruction loss.</summary>
    public ReconstructionLoss Loss { get; }
}
