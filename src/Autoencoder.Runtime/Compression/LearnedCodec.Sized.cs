using System;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

// Format 2: each image at its own size. The recorded sizes are checked against the geometry, against one another and
// against the payload's length before anything is allocated, so a crafted header is refused, never obeyed.
public sealed partial class LearnedCodec
{
    /// <summary>The most code elements a stream may hold (64 Mi values, 256 MiB as float32).</summary>
    public const long MaxCodeElements = 1L << 26;

    // The range coder's final state and the bytes it leaves implied: a payload holds at most this much more than 8 bits a byte.
    private const double PayloadSlackBits = 64;

    private readonly double _minimumBitsPerPosition;   // what one code position costs at least, all channels together

    /// <summary>
    /// Entropy-codes one already rounded code [C', ...] of an image of <paramref name="imageHeight"/>×<paramref name="imageWidth"/>
    /// into a complete format-2 stream, which records the image's channels and size and the code's sizes.
    /// </summary>
    /// <exception cref="ArgumentException">The code does not fit such an image under the geometry, a size is beyond what a stream records, or a value is not a finite integer within ±2^63.</exception>
    /// <exception cref="InvalidOperationException">A codec of fixed shapes: its streams record no sizes (the overload without them).</exception>
    public byte[] EncodeCode(Tensor roundedCode, long imageHeight, long imageWidth)
    {
        ArgumentNullException.ThrowIfNull(roundedCode);
        var geometry = Geometry ?? throw new InvalidOperationException(
            "This codec has fixed shapes; its streams record no image size: call EncodeCode(roundedCode).");
        if (roundedCode.dim() < 1 || roundedCode.shape[0] != _bottleneck.Channels)
        {
            throw new ArgumentException(
                $"The code is [{string.Join(", ", roundedCode.shape)}]; its first axis must be the bottleneck's {_bottleneck.Channels} channels.",
                nameof(roundedCode));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageHeight);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(imageWidth);
        var sizes = new RecordedSizes(geometry.Channels, (int)Math.Min(imageHeight, int.MaxValue), (int)Math.Min(imageWidth, int.MaxValue),
            roundedCode.shape.Skip(1).Select(size => (int)Math.Min(size, int.MaxValue)).ToArray());
        var problem = sizes.OutOfBounds() ?? Disagreement(sizes, geometry);
        if (problem is not null)
            throw new ArgumentException($"Cannot write {sizes}: {problem}", nameof(roundedCode));
        return WriteStream(roundedCode, sizes.ToBytes(), roundedCode.shape.Skip(1).Aggregate(1L, (a, b) => a * b));
    }

    private byte[] EncodeSized(Tensor image, ImageGeometry geometry)
    {
        if (image.dim() != 3)
            throw new ArgumentException($"Expected an image [C, H, W], got [{string.Join(", ", image.shape)}].", nameof(image));
        if (image.shape[0] != geometry.Channels)
        {
            throw new ArgumentException(
                $"The image has {Channels(image.shape[0])}; the model takes {Channels(geometry.Channels)}. Images are never converted " +
                "silently: convert it explicitly (ImageFile.LoadNative with convertChannels: true).", nameof(image));
        }

        long height = image.shape[1], width = image.shape[2];
        var tooLarge = new RecordedSizes(geometry.Channels, (int)Math.Min(height, int.MaxValue), (int)Math.Min(width, int.MaxValue), []).OutOfBounds();
        if (tooLarge is not null)
            throw new ArgumentException(tooLarge, nameof(image));
        var (paddedHeight, paddedWidth) = geometry.Padded(height, width);
        using var scope = NewDisposeScope();
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var batch = image.to(ModelDevice.Of(_model)).to_type(ScalarType.Float32).unsqueeze(0);
        var code = _encode(AnySize.Pad(batch, paddedHeight, paddedWidth, PaddingMode.Replicate));
        return EncodeCode(code[0].round(), height, width);
    }

    private Tensor DecodeSized(byte[] data, ImageGeometry geometry)
    {
        using var scope = NewDisposeScope();
        var (code, sizes) = ReadSized(data, geometry);
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var output = _decode(code.to(ModelDevice.Of(_model)).unsqueeze(0));
        var (paddedHeight, paddedWidth) = geometry.Padded(sizes.Height, sizes.Width);
        if (output.dim() != 4 || output.shape[1] != sizes.Channels || output.shape[2] != paddedHeight || output.shape[3] != paddedWidth)
        {
            throw new CorruptStreamException(
                $"damaged stream: it records {sizes}, but its code decodes to [{string.Join(", ", output.shape)}], " +
                $"not the [1, {sizes.Channels}, {paddedHeight}, {paddedWidth}] that image was padded to.");
        }

        return AnySize.Crop(output, sizes.Height, sizes.Width)[0].clamp(Zero, One).cpu().contiguous().MoveToOuterDisposeScope();
    }

    private (Tensor Code, RecordedSizes Sizes) ReadSized(byte[] stream, ImageGeometry geometry)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamHeader.Check(stream, Version, _identity);
        var offset = StreamHeader.Length;
        var sizes = RecordedSizes.Read(stream, ref offset);
        var problem = Disagreement(sizes, geometry);
        if (problem is not null)
            throw new CorruptStreamException($"damaged stream: it records {sizes}, but {char.ToLowerInvariant(problem[0])}{problem[1..]}");

        // Every value costs at least its table's most probable symbol: a short payload cannot hold a huge code.
        var elements = sizes.CodeElements(_bottleneck.Channels);
        var positions = elements / _bottleneck.Channels;
        var payloadBits = 8.0 * (stream.Length - offset);
        if (elements > MaxCodeElements || positions * _minimumBitsPerPosition > payloadBits + PayloadSlackBits)
        {
            throw new CorruptStreamException(
                $"damaged stream: it records {sizes}, a code of {elements} values, which " +
                (elements > MaxCodeElements
                    ? $"is more than the {MaxCodeElements} a stream may hold."
                    : $"needs at least {Math.Ceiling((positions * _minimumBitsPerPosition - PayloadSlackBits) / 8)} bytes of payload under this model's tables; the stream has {stream.Length - offset}."));
        }

        long[] shape = [_bottleneck.Channels, .. sizes.CodeSizes.Select(size => (long)size)];
        return (ReadPayload(stream, offset, shape, positions), sizes);
    }

    // Why the recorded sizes cannot come from this geometry's encoder, or null. A free-size model's code is [C', h, w] with each
    // side at most the padded image's and at least its 1/SizeMultiple (the encoder downsamples by no more than the multiple).
    private static string? Disagreement(RecordedSizes sizes, ImageGeometry geometry)
    {
        if (sizes.Channels != geometry.Channels)
            return $"The model takes {Channels(geometry.Channels)}, not {sizes.Channels}.";
        if (!geometry.IsFree)
        {
            return sizes.Height == geometry.Height && sizes.Width == geometry.Width
                ? null
                : $"The model takes {geometry.Width}×{geometry.Height} images only.";
        }

        if (sizes.CodeSizes.Count != 2)
            return "A model of free sizes has codes [channels, height, width].";
        var (paddedHeight, paddedWidth) = geometry.Padded(sizes.Height, sizes.Width);
        return Fits(paddedHeight, sizes.CodeSizes[0]) && Fits(paddedWidth, sizes.CodeSizes[1])
            ? null
            : $"The code's sides are at most the padded image's {paddedWidth}×{paddedHeight} and at least 1/{geometry.SizeMultiple} of them (the geometry's size multiple).";

        bool Fits(long side, long codeSide) => codeSide <= side && codeSide * geometry.SizeMultiple >= side;
    }

    private static string Channels(long count) => count switch
    {
        1 => "1 channel (grayscale)",
        3 => "3 channels (RGB)",
        _ => $"{count} channels",
    };
}
