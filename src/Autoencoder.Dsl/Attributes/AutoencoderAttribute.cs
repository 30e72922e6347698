using System;

namespace Autoencoder;

/// <summary>
/// Marks a <c>partial</c> class as an autoencoder. The class declares
/// <c>public partial Tensor Encode(Tensor x);</c> and <c>public partial Tensor Decode(Tensor z);</c>, each
/// carrying its layers as attributes from top to bottom; the generator implements them as a TorchSharp
/// module with its loss, a model summary and a typed trainer.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class AutoencoderAttribute : Attribute
{
    /// <summary>
    /// How the weights of every <c>Dense</c>, <c>Conv2d</c> and <c>ConvTranspose2d</c> layer (and of the projections
    /// residual blocks add) are initialised unless the layer sets its own <c>Init</c> (<see cref="WeightInit.TorchDefault"/>
    /// opts a layer out); TorchSharp's own initialisation unless set. Normalisation layers always start as the identity.
    /// </summary>
    public WeightInit Init { get; set; }
}
