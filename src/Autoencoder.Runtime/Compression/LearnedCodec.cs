using System;
using System.Linq;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A trained compression model frozen into a codec: image → encoder → rounding → range coder → bytes (header: magic,
/// format version, model identity), and back. Built by the generated <c>CreateCodec()</c> from the model's current weights.
/// </summary>
/// <remarks>
/// The coding tables and the model identity are computed once, here, from the weights as they are now. Streams carry
/// that identity, so one written by other weights is refused; and <see cref="Encode"/>/<see cref="Decode"/> refuse to
/// run once the model's weights have changed, since the tables would no longer match them: create a new codec then.
/// See docs/compression.md for the format.
/// </remarks>
public sealed class LearnedCodec : IImageCodec
{
    private readonly nn.Module _model;
    private readonly Func<Tensor, Tensor> _encode;
    private readonly Func<Tensor, Tensor> _decode;
    private readonly EntropyBottleneck _bottleneck;
    private readonly string _fingerprint;
    private readonly long[] _inputShape;
    private readonly long[] _codeShape;
    private readonly long _positions;          // code elements per channel: the product of the code's spatial axes
    private readonly IntegerTable[] _tables;   // one per channel
    private readonly byte[] _identity;

    /// <summary>Freezes the model's current weights into a codec.</summary>
    /// <param name="name">The name rate–distortion tables show.</param>
    /// <param name="model">The whole model: its state identifies the streams it writes and accepts.</param>
    /// <param name="encode">Image batch [B, ...input] → code [B, ...code] (unquantised).</param>
    /// <param name="decode">Quantised code batch → reconstruction batch.</param>
    /// <param name="bottleneck">The model's entropy model.</param>
    /// <param name="fingerprint">The generated architecture fingerprint.</param>
    /// <param name="inputShape">One input, without the batch axis.</param>
    /// <param name="codeShape">One code, without the batch axis.</param>
    /// <exception cref="ArgumentException">The code's first axis is not the bottleneck's channels, or a shape is empty or not positive.</exception>
    public LearnedCodec(string name, nn.Module model, Func<Tensor, Tensor> encode, Func<Tensor, Tensor> decode, EntropyBottleneck bottleneck,
        string fingerprint, long[] inputShape, long[] codeShape)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(decode);
        ArgumentNullException.ThrowIfNull(bottleneck);
        ArgumentNullException.ThrowIfNull(fingerprint);
        CheckShape(inputShape, nameof(inputShape));
        CheckShape(codeShape, nameof(codeShape));
        if (codeShape[0] != bottleneck.Channels)
        {
            throw new ArgumentException(
                $"The code [{string.Join(", ", codeShape)}] has {codeShape[0]} channels on its first axis; the bottleneck models {bottleneck.Channels}.",
                nameof(codeShape));
        }

        Name = name;
        _model = model;
        _encode = encode;
        _decode = decode;
        _bottleneck = bottleneck;
        _fingerprint = fingerprint;
        _inputShape = [.. inputShape];
        _codeShape = [.. codeShape];
        _positions = codeShape.Skip(1).Aggregate(1L, (a, b) => a * b);
        _tables = CodingTables.Build(bottleneck.ReadDensities());
        _identity = ModelIdentity.Compute(fingerprint, model, bottleneck);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>Bytes before the payload in every stream: magic, format version and model identity.</summary>
    public static int HeaderLength => StreamHeader.Length;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The image is not [C, H, W] as the model's input.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[] Encode(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        CheckTensorShape(image, _inputShape, "image");
        using var scope = NewDisposeScope();
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var batch = image.to(ModelDevice.Of(_model)).to_type(ScalarType.Float32).unsqueeze(0);
        var code = _encode(batch);
        return EncodeCode(code[0].round());
    }

    /// <inheritdoc />
    /// <exception cref="CorruptStreamException">Not a stream of this format version and model, or damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public Tensor Decode(byte[] data)
    {
        using var scope = NewDisposeScope();
        var code = DecodeCode(data);
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        var reconstruction = _decode(code.to(ModelDevice.Of(_model)).unsqueeze(0))[0];
        return reconstruction.clamp(Zero, One).cpu().reshape(_inputShape).MoveToOuterDisposeScope();
    }

    /// <summary>Compresses each image of a batch [N, ...input] into its own stream, in order (the generated <c>Compress</c>).</summary>
    /// <exception cref="ArgumentException">The batch is not [N, ...input].</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public byte[][] EncodeBatch(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != _inputShape.Length + 1 || !images.shape.Skip(1).SequenceEqual(_inputShape))
        {
            throw new ArgumentException(
                $"Expected images [N, {string.Join(", ", _inputShape)}] but got [{string.Join(", ", images.shape)}].", nameof(images));
        }

        var streams = new byte[images.shape[0]][];
        for (var i = 0; i < streams.Length; i++)
        {
            using var image = images[i];
            streams[i] = Encode(image);
        }

        return streams;
    }

    /// <summary>Decompresses streams into images [N, ...input], one per stream, in order (the generated <c>Decompress</c>).</summary>
    /// <exception cref="CorruptStreamException">A stream is not one of this format version and model, or is damaged.</exception>
    /// <exception cref="InvalidOperationException">The model's weights changed since this codec was created.</exception>
    public Tensor DecodeBatch(System.Collections.Generic.IReadOnlyList<byte[]> streams)
    {
        ArgumentNullException.ThrowIfNull(streams);
        if (streams.Count == 0)
        {
            return empty([0, .. _inputShape]);
        }

        using var scope = NewDisposeScope();
        var images = new Tensor[streams.Count];
        for (var i = 0; i < images.Length; i++)
        {
            images[i] = Decode(streams[i]);
        }

        return stack(images).MoveToOuterDisposeScope();
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

    /// <summary>Entropy-codes one already rounded code, [code shape] of integer values, into a complete stream.</summary>
    /// <exception cref="ArgumentException">The code's shape is not the model's, or a value is not a finite integer within ±2^63.</exception>
    public byte[] EncodeCode(Tensor roundedCode)
    {
        ArgumentNullException.ThrowIfNull(roundedCode);
        CheckTensorShape(roundedCode, _codeShape, "code");
        double[] values;
        using (var flat = roundedCode.detach().cpu().to_type(ScalarType.Float64).contiguous().flatten())
        {
            values = flat.data<double>().ToArray();
        }

        var encoder = new RangeEncoder();
        for (var i = 0; i < values.Length; i++)
        {
            _tables[i / _positions].Encode(encoder, ToInteger(values[i], i));
        }

        var payload = encoder.Finish();
        var stream = new byte[StreamHeader.Length + payload.Length];
        StreamHeader.Write(stream, _identity);
        payload.CopyTo(stream, StreamHeader.Length);
        return stream;
    }

    /// <summary>Decodes a stream into the rounded code it was written from, bit for bit.</summary>
    /// <exception cref="CorruptStreamException">Not a stream of this format version and model, or damaged.</exception>
    public Tensor DecodeCode(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamHeader.Check(stream, _identity);
        var decoder = new RangeDecoder(stream, StreamHeader.Length);
        var values = new float[_positions * _codeShape[0]];
        for (var i = 0; i < values.Length; i++)
        {
            var value = _tables[i / _positions].Decode(decoder);
            // Codes come from float32 tensors: a value float32 cannot hold exactly was never written.
            var single = (float)value;
            if (single >= 9.223372E+18f || (long)single != value)
            {
                throw new CorruptStreamException("damaged stream: it decodes to a code value that no float32 code holds.");
            }

            values[i] = single;
        }

        decoder.Finish();
        return tensor(values, _codeShape);
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

    private void ThrowIfWeightsChanged()
    {
        if (!ModelIdentity.Compute(_fingerprint, _model, _bottleneck).AsSpan().SequenceEqual(_identity))
        {
            throw new InvalidOperationException(
                $"The model's weights changed since the codec '{Name}' was created; its tables no longer match them. Create a new codec (CreateCodec()).");
        }
    }

    private static void CheckShape(long[] shape, string parameter)
    {
        ArgumentNullException.ThrowIfNull(shape, parameter);
        if (shape.Length == 0 || shape.Any(size => size <= 0))
        {
            throw new ArgumentException($"A shape has one or more positive sizes, not [{string.Join(", ", shape)}].", parameter);
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
