using System.Collections.Generic;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A codec made from a trained model (<c>CreateCodec()</c>): a factorised-prior <see cref="LearnedCodec"/> or a
/// <see cref="HyperpriorCodec"/>. Beside one image at a time it codes batches and measures its real rate and quality.
/// </summary>
public interface IModelCodec : IImageCodec
{
    /// <summary>The images this codec takes, when built from a geometry; null for a codec of fixed shapes.</summary>
    ImageGeometry? Geometry { get; }

    /// <summary>Compresses each image of a batch [N, C, H, W] into its own stream, in order (the generated <c>Compress</c>).</summary>
    byte[][] EncodeBatch(Tensor images);

    /// <summary>Compresses each image of <paramref name="images"/>, each [C, H, W] of its own size, into its own stream, in order.</summary>
    byte[][] EncodeBatch(IReadOnlyList<Tensor> images);

    /// <summary>Decompresses streams into images [N, C, H, W] of one size, one per stream, in order (the generated <c>Decompress</c>).</summary>
    Tensor DecodeBatch(IReadOnlyList<byte[]> streams);

    /// <summary>Decompresses streams into images [C, H, W], one per stream, in order, each at the size it was written from.</summary>
    Tensor[] DecodeEach(IReadOnlyList<byte[]> streams);

    /// <summary>The real rate and quality on <paramref name="inputs"/> [N, ...input]: mean bytes, bits per pixel over <paramref name="pixelsPerImage"/>, PSNR (dB, peak 1).</summary>
    (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(Tensor inputs, long pixelsPerImage);

    /// <summary>The real rate and quality on images of their own sizes: mean bytes, mean of each image's bits over its H·W, mean PSNR.</summary>
    (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(IReadOnlyList<Tensor> images);
}
