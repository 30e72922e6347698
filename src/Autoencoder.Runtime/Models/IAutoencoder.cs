using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>
/// An autoencoder as the runtime's jobs see it: the module (for its mode, device and weights), its reconstructions, and its
/// code as features. Every generated model implements it, through <see cref="IAutoencoder{TSelf}"/>; the capability
/// interfaces (<see cref="IDenoisingAutoencoder"/>, <see cref="IGenerativeAutoencoder"/>, <see cref="IVectorQuantizedAutoencoder"/>,
/// <see cref="ICompressionAutoencoder"/>) extend it with what a family or a declaration adds.
/// </summary>
public interface IAutoencoder
{
    /// <summary>The model as a module: jobs switch its train/eval mode, find its device and read or write its weights.</summary>
    nn.Module Module { get; }

    /// <summary>Inputs [B, ...] to reconstructions of the same shape in data space ([0, 1] for images).</summary>
    Tensor Reconstruct(Tensor input);

    /// <summary>
    /// Inputs [B, ...] to their codes as features, [B, ...] (the shape of <see cref="IAutoencoder{TSelf}.CodeShape"/>): the
    /// encoder's deterministic output, before any sampling or quantisation. A plain model's <c>Encode</c>; a variational
    /// model's posterior mean μ; a vector-quantised model's encoder output before the nearest code is chosen; a codec's code
    /// before it is rounded.
    /// </summary>
    Tensor Features(Tensor input);
}
