using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Many images at once, for every <see cref="IModelCodec"/>: a batch tensor of one size, or a list of images each of its
/// own size, coded one image at a time by the codec's own Encode and Decode.
/// </summary>
internal static class CodecBatches
{
    public static byte[][] EncodeBatch(IImageCodec codec, long[]? inputShape, ImageGeometry? geometry, Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var fits = inputShape is null
            ? images.dim() == 4
            : images.dim() == inputShape.Length + 1 && images.shape.Skip(1).SequenceEqual(inputShape);
        if (!fits)
        {
            var expected = inputShape is null ? $"{geometry!.Channels}, H, W" : string.Join(", ", inputShape);
            throw new ArgumentException($"Expected images [N, {expected}] but got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        var streams = new byte[images.shape[0]][];
        for (var i = 0; i < streams.Length; i++)
        {
            using var image = images[i];
            streams[i] = codec.Encode(image);
        }

        return streams;
    }

    public static byte[][] EncodeBatch(IImageCodec codec, IReadOnlyList<Tensor> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var streams = new byte[images.Count][];
        for (var i = 0; i < streams.Length; i++)
        {
            try
            {
                streams[i] = codec.Encode(images[i]);
            }
            catch (ArgumentException e)
            {
                throw new ArgumentException($"Image {i} of {images.Count}: {e.Message}", nameof(images), e);
            }
        }

        return streams;
    }

    public static Tensor DecodeBatch(IImageCodec codec, long[]? inputShape, ImageGeometry? geometry, IReadOnlyList<byte[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0)
        {
            return inputShape is not null
                ? empty([0, .. inputShape])
                : empty(0, geometry!.Channels, geometry.Height ?? 0, geometry.Width ?? 0);
        }

        using var scope = NewDisposeScope();
        var images = DecodeEach(codec, streams);
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

    public static Tensor[] DecodeEach(IImageCodec codec, IReadOnlyList<byte[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        var images = new Tensor[streams.Count];
        try
        {
            for (var i = 0; i < images.Length; i++)
            {
                images[i] = codec.Decode(streams[i]);
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

    public static (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(IModelCodec codec, Tensor inputs, long pixelsPerImage)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerImage);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var streams = codec.EncodeBatch(inputs);
        var restored = codec.DecodeBatch(streams);
        var bytesPerImage = (double)streams.Sum(s => (long)s.Length) / streams.Length;
        var psnr = Metrics.ReconstructionMetrics.PsnrPerImage(restored.to(inputs.device), inputs);
        return (bytesPerImage, bytesPerImage * 8 / pixelsPerImage, psnr.Average());
    }

    public static (double BytesPerImage, double BitsPerPixel, double Psnr) Evaluate(IModelCodec codec, IReadOnlyList<Tensor> images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.Count == 0)
            throw new ArgumentException("Evaluating a codec needs at least one image.", nameof(images));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var streams = codec.EncodeBatch(images);
        double bytes = 0, bitsPerPixel = 0, psnr = 0;
        for (var i = 0; i < images.Count; i++)
        {
            var image = images[i];
            using var restored = codec.Decode(streams[i]);
            bytes += streams[i].Length;
            bitsPerPixel += streams[i].Length * 8.0 / (image.shape[^2] * image.shape[^1]);
            psnr += Metrics.ReconstructionMetrics.PsnrPerImage(restored.to(image.device).unsqueeze(0), image.unsqueeze(0))[0];
        }

        return (bytes / images.Count, bitsPerPixel / images.Count, psnr / images.Count);
    }
}
