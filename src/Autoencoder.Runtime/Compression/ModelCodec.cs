using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A codec made from a trained model (<c>CreateCodec()</c>): a factorised-prior <see cref="LearnedCodec"/> or a
/// <see cref="HyperpriorCodec"/>. Beside one image at a time (<see cref="Encode"/>, <see cref="Decode"/>, which each codec
/// writes) it codes batches, a tensor of one size or a list of images each of its own size, and measures its real rate
/// and quality.
/// </summary>
public abstract class ModelCodec : IImageCodec
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The images this codec takes, when built from a geometry; null for a codec of fixed shapes.</summary>
    public abstract ImageGeometry? Geometry { get; }

    /// <summary>One input of a codec of fixed shapes, without the batch axis; null for one built from a geometry.</summary>
    protected virtual long[]? InputShape => null;

    /// <inheritdoc />
    public abstract byte[] Encode(Tensor image);

    /// <inheritdoc />
    public abstract Tensor Decode(byte[] data);

    /// <summary>Compresses each image of a batch [N, C, H, W] (fixed shapes: [N, ...input]) into its own stream, in order (the generated <c>Compress</c>).</summary>
    /// <exception cref="ArgumentException">The batch is not [N, ...input], or an image is one the model does not take.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[][] EncodeBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var fits = InputShape is null
            ? images.dim() == 4
            : images.dim() == InputShape.Length + 1 && images.shape.Skip(1).SequenceEqual(InputShape);
        if (!fits)
        {
            var expected = InputShape is null ? $"{Geometry!.Channels}, H, W" : string.Join(", ", InputShape);
            throw new ArgumentException($"Expected images [N, {expected}] but got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        var streams = new byte[images.shape[0]][];
        for (var i = 0; i < streams.Length; i++)
        {
            using var image = images[i];
            streams[i] = Encode(image);
        }

        return streams;
    }

    /// <summary>Compresses each image of <paramref name="images"/>, each [C, H, W] of its own size, into its own stream, in order.</summary>
    /// <exception cref="ArgumentException">An image is one the model does not take; the message names its index.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[][] EncodeBatch(IReadOnlyList<Tensor> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var streams = new byte[images.Count][];
        for (var i = 0; i < streams.Length; i++)
        {
            try
            {
                streams[i] = Encode(images[i]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Image {i} of {images.Count}: {e.Message}", nameof(images), e);
            }
        }

        return streams;
    }

    /// <summary>
    /// Decompresses streams into images [N, C, H, W], one per stream, in order (the generated <c>Decompress</c>). The images
    /// must share one size to be stacked: streams of photos of different sizes go through <see cref="DecodeEach"/>.
    /// </summary>
    /// <exception cref="CorruptStreamException">A stream is not one of this format version and model, or is damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created, or the images differ in size.</exception>
    public Tensor DecodeBatch(IReadOnlyList<byte[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0)
        {
            return InputShape is not null
                ? empty([0, .. InputShape])
                : empty(0, Geometry!.Channels, Geometry.Height ?? 0, Geometry.Width ?? 0);
        }

        using var scope = NewDisposeScope();
        var images = DecodeEach(streams);
        var first = images[0].shape;
        var other = Array.FindIndex(images, image => !image.shape.SequenceEqual(first));
        if (other >= 0)
        {
            throw new InvalidOperationException(
                $"Stream 0 holds an image [{string.Join(", ", first)}] and stream {other} one [{string.Join(", ", images[other].shape)}]: " +
                "images of different sizes cannot be stacked; decode them with DecodeEach.");
        }

        return stack(images).MoveToOuterDisposeScope();
    }

    /// <summary>Decompresses streams into images [C, H, W], one per stream, in order, each at the size it was written from.</summary>
    /// <exception cref="CorruptStreamException">A stream is not one of this format version and model, or is damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public Tensor[] DecodeEach(IReadOnlyList<byte[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var images = new Tensor[streams.Count];
        try
        {
            for (var i = 0; i < images.Length; i++)
            {
                images[i] = Decode(streams[i]);
            }

            return images;
        }
        catch
        {
            foreach (var image in images)
                image?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The real rate and quality on <paramref name="inputs"/> [N, ...input], in evaluation mode: every image compressed to its
    /// stream and decompressed (the generated trainer's <c>EvaluateCompression</c>).
    /// </summary>
    /// <param name="inputs">The images, on any device.</param>
    /// <param name="pixelsPerImage">What bits per image are divided by: H·W of an image, the element count of other inputs.</param>
    /// <returns>The mean stream length in bytes (header included), the same in bits per pixel, and the mean PSNR (dB, peak 1).</returns>
    public (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(Tensor inputs, long pixelsPerImage)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerImage);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var streams = EncodeBatch(inputs);
        var restored = DecodeBatch(streams);
        var bytesPerImage = (double)streams.Sum(s => (long)s.Length) / streams.Length;
        var psnr = Metrics.ReconstructionMetrics.PsnrPerImage(restored.to(inputs.device), inputs);
        return (bytesPerImage, bytesPerImage * 8 / pixelsPerImage, psnr.Average());
    }

    /// <summary>
    /// The real rate and quality on <paramref name="images"/>, each [C, H, W] of its own size, in evaluation mode: every image
    /// compressed to its stream and decompressed at its own size.
    /// </summary>
    /// <returns>
    /// The mean stream length in bytes (header included); the mean over images of each stream's bits divided by that image's
    /// own H·W (a large photo does not outweigh a small one); and the mean PSNR (dB, peak 1).
    /// </returns>
    /// <exception cref="ArgumentException">No images, or one the model does not take.</exception>
    public (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(IReadOnlyList<Tensor> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
            throw new ArgumentException("Evaluating a codec needs at least one image.", nameof(images));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var streams = EncodeBatch(images);
        double bytes = 0, bitsPerPixel = 0, psnr = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            using var restored = Decode(streams[i]);
            bytes += streams[i].Length;
            bitsPerPixel += streams[i].Length * 8.0 / (image.shape[^2] * image.shape[^1]);
            psnr += Metrics.ReconstructionMetrics.PsnrPerImage(restored.to(image.device).unsqueeze(0), image.unsqueeze(0))[0];
        }

        return (bytes / images.Count, bitsPerPixel / images.Count, psnr / images.Count);
    }
}
