using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Turns one image into bytes and back: a learned codec or a classic one (JPEG, WebP, PNG), so the rate–distortion
/// evaluation measures both the same way — by the size of the bytes actually written.
/// </summary>
public interface IImageCodec
{
    /// <summary>What the codec is and how it is set, as a table row names it: <c>JPEG q=50</c>, or for a generated codec its model and λ, <c>MnistCodec λ=0.01</c>.</summary>
    string Name { get; }

    /// <summary>Encodes one image, [C, H, W] with values in [0, 1], into the complete file or stream.</summary>
    byte[] Encode(Tensor image);

    /// <summary>Decodes bytes written by <see cref="Encode"/> into an image, [C, H, W] with values in [0, 1].</summary>
    /// <exception cref="System.IO.IOException">The bytes are not a valid stream for this codec (<see cref="CorruptStreamException"/> for ours).</exception>
    Tensor Decode(byte[] data);
}
