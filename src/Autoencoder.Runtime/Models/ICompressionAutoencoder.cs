using System.Collections.Generic;
using Autoencoder.Runtime.Compression;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>A learned codec: a model with an entropy model over its code, which writes images as compressed streams.</summary>
public interface ICompressionAutoencoder : IAutoencoder
{
    /// <summary>
    /// A codec with the model's current weights (the generated <c>CreateCodec</c>, which returns the codec's own type: a
    /// <see cref="LearnedCodec"/> for a factorised prior, a <see cref="HyperpriorCodec"/> for a hyperprior).
    /// </summary>
    ModelCodec CreateCodec();

    /// <summary>Each image of <paramref name="images"/> [N, ...], values in [0, 1], as its own stream.</summary>
    byte[][] Compress(Tensor images);

    /// <summary>Streams written by <see cref="Compress"/> back to images [N, ...], one per stream, in order.</summary>
    Tensor Decompress(IReadOnlyList<byte[]> streams);
}
