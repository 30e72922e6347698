using System;

namespace Autoencoder
{
    /// <summary>
    /// Marks a <c>partial</c> class as an autoencoder. The class declares
    /// <c>public partial Tensor Encode(Tensor x);</c> and <c>public partial Tensor Decode(Tensor z);</c>, each
    /// carrying its layers as attributes from top to bottom; the generator implements them as a TorchSharp
    /// module with its loss, a model summary and a typed trainer.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class AutoencoderAttribute : Attribute
    {
    }
}
