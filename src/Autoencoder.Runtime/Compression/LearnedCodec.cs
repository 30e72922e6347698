using System;
using System.Linq;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A trained compression model frozen into a codec: image → encoder → rounding → range coder → bytes (header: magic,
/// format version, model identity), and back. Built by the generated <c>CreateCodec()</c> from the model's current weights.
/// </summary>
/// <remarks>
/// <para>
/// Two kinds of codec, told apart by their constructor and by the format version of their streams. Built from fixed input
/// and code shapes, it writes format 1: the header and the payload, nothing else (the smallest streams, for 28×28 digits).
/// Built from an <see cref="ImageGeometry"/>, it writes format 2, which also records the image's channels, height and width
/// and the code's sizes, so that a model of free sizes takes each photo at its own size (padded for the model, cropped back).
/// </para>
/// <para>
/// The coding tables and the model identity are computed once, here, from the weights as they are now. Streams carry
/// that identity, so one written by other weights is refused; and <see cref="Encode"/>/<see cref="Decode"/> refuse to
/// run once the model's weights have changed, since the tables would no longer match them: create a new codec then.
/// See docs/compression.md for the format.
/// </para>
/// </remarks>
public sealed partial class LearnedCodec : ModelCodec
{
    private readonly nn.Module _model;
    private readonly Func<Tensor, Tensor> _encode;
    private readonly Func<Tensor, Tensor> _decode;
    private readonly EntropyBottleneck _bottleneck;
    private readonly string _fingerprint;
    private readonly IntegerTable[] _tables;   // one per channel
    private readonly byte[] _identity;

    // Format 1: the one input and code shape of the model.
    private readonly long[]? _inputShape;

    /// <inheritdoc />
    protected override long[]? InputShape => _inputShape;
    private readonly long[]? _codeShape;
    private readonly long _positions;          // code elements per channel: the product of the code's spatial axes

    /// <summary>Freezes the current weights of a model of fixed shapes into a codec that writes format-1 streams.</summary>
    /// <param name="name">The name rate–distortion tables show.</param>
    /// <param name="model">The whole model: its state identifies the streams it writes and accepts.</param>
    /// <param name="encode">Image batch [B, ...input] → code [B, ...code] (unquantised).</param>
    /// <param name="decode">Quantised code batch → reconstruction batch.</param>
    /// <param name="bottleneck">The model's entropy model.</param>
    /// <param name="fingerprint">The generated architecture fingerprint.</param>
    /// <param name="inputShape">One input, without the batch axis.</param>
    /// <param name="codeShape">One code, without the batch axis.</param>
    /// <exception cref="ArgumentException">The code's first axis is not the bottleneck's channels, or a shape is empty or not positive (a free side: use the constructor with an <see cref="ImageGeometry"/>).</exception>
    public LearnedCodec(string name, nn.Module model, Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode, EntropyBottleneck bottleneck,
        string fingerprint, long[] inputShape, long[] codeShape)
        : this(null, name, model, encode, decode, bottleneck, fingerprint)
    {
        CheckShape(inputShape, nameof(inputShape));
        CheckShape(codeShape, nameof(codeShape));
        if (codeShape[0] != bottleneck.Channels)
        {
            throw new ArgumentException(
                $"The code [{string.Join(", ", codeShape)}] has {codeShape[0]} channels on its first axis; the bottleneck models {bottleneck.Channels}.",
                nameof(codeShape));
        }

        _inputShape = [.. inputShape];
        _codeShape = [.. codeShape];
        _positions = codeShape.Skip(1).Aggregate(1L, (a, b) => a * b);
    }

    /// <summary>
    /// Freezes the current weights of an image model into a codec that writes format-2 streams, which record each image's
    /// channels and size: a model of free sizes then takes every image at its own size (padded by replicating its last row
    /// and column to a size the model takes, cropped back after decoding); a fixed-size one takes its own size only.
    /// </summary>
    /// <param name="name">The name rate–distortion tables show.</param>
    /// <param name="model">The whole model: its state identifies the streams it writes and accepts.</param>
    /// <param name="encode">Image batch [B, C, H, W] → code [B, C', ...] (unquantised), C' the bottleneck's channels.</param>
    /// <param name="decode">Quantised code batch → reconstruction batch [B, C, H, W] of the size the image was padded to.</param>
    /// <param name="bottleneck">The model's entropy model.</param>
    /// <param name="fingerprint">The generated architecture fingerprint.</param>
    /// <param name="geometry">The images the model takes (the generated <c>Geometry</c>).</param>
    public LearnedCodec(string name, nn.Module model, Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode, EntropyBottleneck bottleneck,
        string fingerprint, ImageGeometry geometry)
        : this(geometry ?? throw new ArgumentNullException(nameof(geometry)), name, model, encode, decode, bottleneck, fingerprint)
    {
    }

    private LearnedCodec(ImageGeometry? geometry, string name, nn.Module model, Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode,
        EntropyBottleneck bottleneck, string fingerprint)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(bottleneck);
        ArgumentNullException.ThrowIfNull(fingerprint);
        Name = name;
        _model = model;
        _encode = encode;
        _decode = decode;
        _bottleneck = bottleneck;
        _fingerprint = fingerprint;
        Geometry = geometry;
        _tables = CodingTables.Build(bottleneck.ReadDensities());
        _minimumBitsPerPosition = _tables.Sum(table => table.MinimumBits);
        _identity = ModelIdentity.Compute(fingerprint, model, bottleneck);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>The images this codec takes when built from a geometry (format-2 streams); null for a codec of fixed shapes.</summary>
    public override ImageGeometry? Geometry { get; }

    /// <summary>
    /// Bytes of the header every stream starts with: magic, format version and model identity. A format-1 stream's payload
    /// follows it; a format-2 stream records its sizes in between (a few bytes more).
    /// </summary>
    public static int HeaderLength => StreamHeader.Length;

    private byte Version => Geometry is null ? StreamHeader.FixedShapeVersion : StreamHeader.SizedVersion;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">
    /// The image is not [C, H, W] as the model takes it: another shape (fixed shapes), other channels, a size a fixed-size
    /// geometry does not take (<see cref="ImageSizeException"/>), or larger than a stream records.
    /// </exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public override byte[] Encode(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (Geometry is not null)
            return EncodeSized(image, Geometry);
        CheckTensorShape(image, _inputShape!, "image");
        using var scope = NewDisposeScope();
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var batch = image.to(ModelDevice.Of(_model)).to_type(ScalarType.Float32).unsqueeze(0);
        var code = _encode(batch);
        return EncodeCode(code[0].round());
    }

    /// <inheritdoc />
    /// <exception cref="CorruptStreamException">Not a stream of this format version and model, damaged, or recording sizes it cannot hold.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public override Tensor Decode(byte[] data)
    {
        if (Geometry is not null)
            return DecodeSized(data, Geometry);
        using var scope = NewDisposeScope();
        var code = DecodeCode(data);
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var reconstruction = _decode(code.to(ModelDevice.Of(_model)).unsqueeze(0))[0];
        return reconstruction.clamp(Zero, One).cpu().reshape(_inputShape!).MoveToOuterDisposeScope();
    }

    /// <summary>Entropy-codes one already rounded code, [code shape] of integer values, into a complete format-1 stream.</summary>
    /// <exception cref="ArgumentException">The code's shape is not the model's, or a value is not a finite integer within ±2^63.</exception>
    /// <exception cref="InvalidOperationException">A codec built from a geometry: its streams record the image's size (the overload that takes it).</exception>
    public byte[] EncodeCode(Tensor roundedCode)
    {
        ArgumentNullException.ThrowIfNull(roundedCode);
        if (Geometry is not null)
        {
            throw new InvalidOperationException(
                "This codec's streams record the image's size: call EncodeCode(roundedCode, imageHeight, imageWidth).");
        }

        CheckTensorShape(roundedCode, _codeShape!, "code");
        return WriteStream(roundedCode, [], _positions);
    }

    /// <summary>Decodes a stream into the rounded code it was written from, bit for bit.</summary>
    /// <exception cref="CorruptStreamException">Not a stream of this format version and model, damaged, or recording sizes it cannot hold.</exception>
    public Tensor DecodeCode(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (Geometry is not null)
            return ReadSized(stream, Geometry).Code;
        StreamHeader.Check(stream, Version, _identity);
        return ReadPayload(stream, StreamHeader.Length, _codeShape!, _positions);
    }

    // Header, recorded sizes (format 2) and the range-coded values, each channel under its own table.
    private byte[] WriteStream(Tensor roundedCode, byte[] sizes, long positions)
    {
        double[] values;
        using (var flat = roundedCode.detach().cpu().to_type(ScalarType.Float64).contiguous().flatten())
        {
            values = flat.data<double>().ToArray();
        }

        var encoder = new RangeEncoder();
        for (var i = 0; i < values.Length; i++)
        {
            _tables[i / positions].Encode(encoder, ToInteger(values[i], i));
        }

        var payload = encoder.Finish();
        var stream = new byte[StreamHeader.Length + sizes.Length + payload.Length];
        StreamHeader.Write(stream, Version, _identity);
        sizes.CopyTo(stream, StreamHeader.Length);
        payload.CopyTo(stream, StreamHeader.Length + sizes.Length);
        return stream;
    }

    private Tensor ReadPayload(byte[] stream, int offset, long[] shape, long positions)
    {
        var decoder = new RangeDecoder(stream, offset);
        var values = new float[positions * shape[0]];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _tables[i / positions].Decode(decoder);
            // Codes come from float32 tensors: a value float32 cannot hold exactly was never written.
            var single = (float)value;
            if (single >= 9.223372E+18f || (long)single != value)
            {
                throw new CorruptStreamException("damaged stream: it decodes to a code value that no float32 code holds.");
            }

            values[i] = single;
        }

        decoder.Finish();
        return tensor(values, shape);
    }

    private static long ToInteger(double value, long index)
    {
        // ±2^63 themselves: -2^63 fits a long, +2^63 does not.
        if (!double.IsFinite(value) || Math.Round(value) != value || value < -9.2233720368547758E+18 || value >= 9.2233720368547758E+18)
        {
            throw new ArgumentException(
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Code element {index} is {value}: only finite integers within ±2^63 can be coded (round the code first)."), "roundedCode");
        }

        return (long)value;
    }

    private void ThrowIfWeightsChanged() => ModelIdentity.ThrowIfChanged(_identity, _fingerprint, _model, _bottleneck, Name);

    private static void CheckShape(long[] shape, string parameter)
    {
        ArgumentNullException.ThrowIfNull(shape, parameter);
        if (shape.Length == 0 || shape.Any(size => size <= 0))
        {
            throw new ArgumentException(
                $"A shape has one or more positive sizes, not [{string.Join(", ", shape)}] (a model of free sizes gives its ImageGeometry instead).", parameter);
        }
    }

    private static void CheckTensorShape(Tensor tensor, long[] expected, string what)
    {
        if (!tensor.shape.SequenceEqual(expected))
        {
            throw new ArgumentException(
                $"The {what} is [{string.Join(", ", tensor.shape)}]; this codec takes one {what} of shape [{string.Join(", ", expected)}].",
                what == "image" ? "image" : "roundedCode");
        }
    }
}
