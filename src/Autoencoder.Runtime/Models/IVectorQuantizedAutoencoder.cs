using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>A vector-quantised model: its code is a grid of indices into a learned codebook.</summary>
public interface IVectorQuantizedAutoencoder : IAutoencoder
{
    /// <summary>Inputs [B, ...] to the index of the nearest code at each position of their codes; leaves the codebook as it is.</summary>
    Tensor EncodeIndices(Tensor input);

    /// <summary>Code indices (from <see cref="EncodeIndices"/>, or sampled from a prior over them) to outputs in data space.</summary>
    Tensor DecodeIndices(Tensor indices);
}
