using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// CONTRACT SKELETON (issue 6): the factorised entropy model of Ballé et al. 2018 (appendix 6.1), one learned density per
/// channel (axis 1 of [B, C] or [B, C, H, W]), shared over positions. Training adds U(−½, ½) noise; evaluation rounds.
/// </summary>
public sealed class EntropyBottleneck : nn.Module<Tensor, EntropyBottleneckOutput>
{
    /// <summary>Creates the density for <paramref name="channels"/> channels.</summary>
    public EntropyBottleneck(string name, long channels) : base(name)
    {
        Channels = channels;
        throw new NotImplementedException("issue 6: being written");
    }

    /// <summary>Number of channels: axis 1 of the code.</summary>
    public long Channels { get; }

    /// <summary>Quantises <paramref name="code"/> (noise in training mode, rounding in evaluation mode) and returns its likelihoods.</summary>
    public override EntropyBottleneckOutput forward(Tensor code) => throw new NotImplementedException("issue 6: being written");

    /// <summary>Bits of each image of a batch under the model: −Σ log2 p over every element but the batch axis, [B].</summary>
    public static Tensor BitsPerImage(Tensor likelihoods) => throw new NotImplementedException("issue 6: being written");
}
