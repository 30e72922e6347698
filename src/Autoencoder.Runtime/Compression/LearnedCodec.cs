using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// CONTRACT SKELETON (issue 6): a trained compression model frozen into a codec: image → encoder → rounding → range coder →
/// bytes (header: magic, format version, model identity), and back. Built by the generated <c>CreateCodec()</c> from the
/// model's current weights.
/// </summary>
public sealed class LearnedCodec : IImageCodec
{
    /// <summary>Freezes the model's current weights into a codec.</summary>
    /// <param name="name">The name rate–distortion tables show.</param>
    /// <param name="model">The whole model: its state identifies the streams it writes and accepts.</param>
    /// <param name="encode">Image batch [B, ...input] → code [B, ...code] (unquantised).</param>
    /// <param name="decode">Quantised code batch → reconstruction batch.</param>
    /// <param name="bottleneck">The model's entropy model.</param>
    /// <param name="fingerprint">The generated architecture fingerprint.</param>
    /// <param name="inputShape">One input, without the batch axis.</param>
    /// <param name="codeShape">One code, without the batch axis.</param>
    public LearnedCodec(string name, nn.Module model, Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode, EntropyBottleneck bottleneck,
        string fingerprint, long[] inputShape, long[] codeShape)
    {
        Name = name;
        throw new NotImplementedException("issue 6: being written");
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public byte[] Encode(Tensor image) => throw new NotImplementedException("issue 6: being written");

    /// <inheritdoc />
    public Tensor Decode(byte[] data) => throw new NotImplementedException("issue 6: being written");

    /// <summary>Entropy-codes one already rounded code, [code shape] of integer values, into a complete stream.</summary>
    public byte[] EncodeCode(Tensor roundedCode) => throw new NotImplementedException("issue 6: being written");

    /// <summary>Decodes a stream into the rounded code it was written from, bit for bit.</summary>
    /// <exception cref="CorruptStreamException">Not a stream of this format version and model, or damaged.</exception>
    public Tensor DecodeCode(byte[] stream) => throw new NotImplementedException("issue 6: being written");
}
