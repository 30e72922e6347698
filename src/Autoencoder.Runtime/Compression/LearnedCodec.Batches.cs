using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

// Many images at once: a batch tensor of one size, or a list of images each of its own size (CodecBatches).
public sealed partial class LearnedCodec
{
    /// <summary>Compresses each image of a batch [N, C, H, W] (fixed shapes: [N, ...input]) into its own stream, in order (the generated <c>Compress</c>).</summary>
    /// <exception cref="ArgumentException">The batch is not [N, ...input], or an image is one the model does not take.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[][] EncodeBatch(Tensor images) =>
        CodecBatches.EncodeBatch(this, _inputShape, Geometry, images);

    /// <summary>Compresses each image of <paramref name="images"/>, each [C, H, W] of its own size, into its own stream, in order.</summary>
    /// <exception cref="ArgumentException">An image is one the model does not take; the message names its index.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[][] EncodeBatch(IReadOnlyList<Tensor> images) =>
        CodecBatches.EncodeBatch(this, images);

    /// <summary>
    /// Decompresses streams into images [N, C, H, W], one per stream, in order (the generated <c>Decompress</c>). The images
    /// must share one size to be stacked: streams of photos of different sizes go through <see cref="DecodeEach"/>.
    /// </summary>
    /// <exception cref="CorruptStreamException">A stream is not one of this format version and model, or is damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created, or the images differ in size.</exception>
    public Tensor DecodeBatch(IReadOnlyList<byte[]> streams) =>
        CodecBatches.DecodeBatch(this, _inputShape, Geometry, streams);

    /// <summary>Decompresses streams into images [C, H, W], one per stream, in order, each at the size it was written from.</summary>
    /// <exception cref="CorruptStreamException">A stream is not one of this format version and model, or is damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public Tensor[] DecodeEach(IReadOnlyList<byte[]> streams) =>
        CodecBatches.DecodeEach(this, streams);

    /// <summary>
    /// The real rate and quality on <paramref name="inputs"/> [N, ...input], in evaluation mode: every image compressed to its
    /// stream and decompressed (the generated trainer's <c>EvaluateCompression</c>).
    /// </summary>
    /// <param name="inputs">The images, on any device.</param>
    /// <param name="pixelsPerImage">What bits per image are divided by: H·W of an image, the element count of other inputs.</param>
    /// <returns>The mean stream length in bytes (header included), the same in bits per pixel, and the mean PSNR (dB, peak 1).</returns>
    public (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(Tensor inputs, long pixelsPerImage) =>
        CodecBatches.Evaluate(this, inputs, pixelsPerImage);

    /// <summary>
    /// The real rate and quality on <paramref name="images"/>, each [C, H, W] of its own size, in evaluation mode: every image
    /// compressed to its stream and decompressed at its own size.
    /// </summary>
    /// <returns>
    /// The mean stream length in bytes (header included); the mean over images of each stream's bits divided by that image's
    /// own H·W (a large photo does not outweigh a small one); and the mean PSNR (dB, peak 1).
    /// </returns>
    /// <exception cref="ArgumentException">No images, or one the model does not take.</exception>
    public (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(IReadOnlyList<Tensor> images) =>
        CodecBatches.Evaluate(this, images);
}
