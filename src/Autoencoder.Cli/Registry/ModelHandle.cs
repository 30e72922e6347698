using System;
using Autoencoder.Runtime.Compression;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Registry;

/// <summary>
/// One model instance and what it can do, as typed delegates bound to its generated methods. A capability a model
/// does not have is null; a command that needs it says which models have it.
/// </summary>
internal sealed class ModelHandle(nn.Module module, Func<Tensor, Tensor> reconstruct, Func<Tensor, Tensor> encode) : IDisposable
{
    /// <summary>The module, for its mode and weights.</summary>
    public nn.Module Module { get; } = module;

    /// <summary>Images [B, C, H, W] to reconstructions in [0, 1] (the generated <c>Reconstruct</c>).</summary>
    public Func<Tensor, Tensor> Reconstruct { get; } = reconstruct;

    /// <summary>Images to codes [B, ...] (a VAE's posterior mean).</summary>
    public Func<Tensor, Tensor> Encode { get; } = encode;

    /// <summary>Denoising models: noisy images to restored ones (the generated <c>Denoise</c>).</summary>
    public Func<Tensor, Tensor>? Denoise { get; init; }

    /// <summary>Denoising models: the declared training noise (the generated static <c>Corrupt</c>).</summary>
    public Func<Tensor, Generator?, Tensor>? Corrupt { get; init; }

    /// <summary>Generative models: draws images [count, C, H, W].</summary>
    public Func<int, Generator?, Tensor>? Sample { get; init; }

    /// <summary>Generative models: decodes the path between two batches' codes, [N, steps, C, H, W].</summary>
    public Func<Tensor, Tensor, int, Tensor>? Interpolate { get; init; }

    /// <summary>Compression models: the codec of the current weights (the generated <c>CreateCodec</c>).</summary>
    public Func<LearnedCodec>? Codec { get; init; }

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
