using System;
using System.Buffers.Binary;
using System.Linq;
using Autoencoder.Runtime.Compression.Deterministic;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// A scale-hyperprior codec (Ballé et al. 2018), or with <c>meanAndScale</c> its mean-and-scale variant (Minnen et al.
/// 2018, without the context model): image → analysis → y; hyper-analysis → z, rounded and coded under the factorised
/// density of an <see cref="EntropyBottleneck"/>; hyper-synthesis of ẑ → a scale (and mean) per element of y; y coded with
/// the <see cref="GaussianConditional"/> table of its scale. One stream holds both: format 3.
/// </summary>
/// <remarks>
/// <para>
/// Streams decode on any machine: the hyper-synthesis runs as a <see cref="DoubleNetwork"/> in C# double arithmetic, so
/// encoder and decoder derive the same scale index for every element whatever libtorch's threads or instruction set, and
/// every table comes from doubles too. (CompressAI computes the scales with the network itself, and a stream encoded on one
/// device often fails on another: its issues #279 and #309.) The analysis and synthesis transforms run in libtorch; they
/// change what is coded and what is reconstructed by float rounding, never whether a stream decodes.
/// </para>
/// <para>
/// Stream: the 7-byte header (magic, version 3, model identity), the recorded sizes (image channels, height, width; ẑ's
/// height and width), the side payload's length (4 bytes, little-endian), the side payload, the code's payload. y's size is
/// what the hyper-synthesis makes of ẑ's, and must be the analysis output of the padded image.
/// </para>
/// </remarks>
public sealed class HyperpriorCodec : ModelCodec
{
    private const int LengthBytes = 4;

    private readonly nn.Module _model;
    private readonly Func<Tensor, Tensor> _analysis;
    private readonly Func<Tensor, Tensor> _synthesis;
    private readonly Func<Tensor, Tensor> _hyperAnalysis;
    private readonly DoubleNetwork _hyperSynthesis;
    private readonly EntropyBottleneck _side;
    private readonly IntegerTable[] _sideTables;
    private readonly double _minimumSideBits;   // what one side position costs at least, all channels together
    private readonly string _fingerprint;
    private readonly byte[] _identity;
    private readonly bool _meanAndScale;

    /// <param name="name">The name rate–distortion tables show.</param>
    /// <param name="model">The whole model: its state identifies the streams it writes and accepts.</param>
    /// <param name="analysis">Image batch [1, C, H, W] (padded) → y [1, M, h, w].</param>
    /// <param name="synthesis">ŷ [1, M, h, w] → reconstruction [1, C, H, W] of the padded size.</param>
    /// <param name="hyperAnalysis">y → z [1, N, h', w'] (unrounded).</param>
    /// <param name="hyperSynthesis">
    /// The hyper-synthesis, from the current weights, in doubles: ẑ [N, h', w'] → M scales (or, with
    /// <paramref name="meanAndScale"/>, M scales then M means) of y's size.
    /// </param>
    /// <param name="side">The factorised density of z (N channels).</param>
    /// <param name="fingerprint">The architecture fingerprint.</param>
    /// <param name="geometry">The images the model takes.</param>
    /// <param name="meanAndScale">Whether the hyper-synthesis gives means as well as scales.</param>
    public HyperpriorCodec(string name, nn.Module model, Func<Tensor, Tensor> analysis, Func<Tensor, Tensor> synthesis, Func<Tensor, Tensor> hyperAnalysis,
        DoubleNetwork hyperSynthesis, EntropyBottleneck side, string fingerprint, ImageGeometry geometry, bool meanAndScale = false)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(synthesis);
        ArgumentNullException.ThrowIfNull(hyperAnalysis);
        ArgumentNullException.ThrowIfNull(hyperSynthesis);
        ArgumentNullException.ThrowIfNull(side);
        ArgumentNullException.ThrowIfNull(fingerprint);
        ArgumentNullException.ThrowIfNull(geometry);
        if (hyperSynthesis.InChannels != side.Channels)
            throw new ArgumentException($"The hyper-synthesis takes {hyperSynthesis.InChannels} channels; z has {side.Channels}.", nameof(hyperSynthesis));
        if (meanAndScale && hyperSynthesis.OutChannels % 2 != 0)
            throw new ArgumentException($"A mean-and-scale hyper-synthesis gives 2·M channels, not {hyperSynthesis.OutChannels}.", nameof(hyperSynthesis));
        Name = name;
        Geometry = geometry;
        _model = model;
        _analysis = analysis;
        _synthesis = synthesis;
        _hyperAnalysis = hyperAnalysis;
        _hyperSynthesis = hyperSynthesis;
        _side = side;
        _fingerprint = fingerprint;
        _meanAndScale = meanAndScale;
        _sideTables = CodingTables.Build(side.ReadDensities());
        _minimumSideBits = _sideTables.Sum(table => table.MinimumBits);
        _identity = ModelIdentity.Compute(fingerprint, model, side);
    }

    /// <inheritdoc />
    public override string Name { get; }

    /// <summary>The images this codec takes.</summary>
    public override ImageGeometry Geometry { get; }

    private int CodeChannels => _meanAndScale ? _hyperSynthesis.OutChannels / 2 : _hyperSynthesis.OutChannels;

    /// <inheritdoc />
    /// <exception cref="ArgumentException">Not an image [C, H, W] of the model's channels, or larger than a stream records.</exception>
    /// <exception cref="InvalidOperationException">The weights changed since the codec was created, or the transforms' sizes disagree.</exception>
    public override byte[] Encode(Tensor image)
    {
        ArgumentNullException.ThrowIfNull(image);
        if (image.dim() != 3 || image.shape[0] != Geometry.Channels)
            throw new ArgumentException($"Expected an image [{Geometry.Channels}, H, W], got [{string.Join(", ", image.shape)}].", nameof(image));
        long height = image.shape[1], width = image.shape[2];
        var (paddedHeight, paddedWidth) = Geometry.Padded(height, width);
        using var scope = NewDisposeScope();
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        using var noGrad = no_grad();
        var batch = image.to(ModelDevice.Of(_model)).to_type(ScalarType.Float32).unsqueeze(0);
        var y = _analysis(Imaging.AnySize.Pad(batch, paddedHeight, paddedWidth));
        var zHat = _hyperAnalysis(y).round();
        if (zHat.dim() != 4 || zHat.shape[1] != _side.Channels)
            throw new InvalidOperationException($"The hyper-analysis gave [{string.Join(", ", zHat.shape)}], not [1, {_side.Channels}, h, w].");
        int zHeight = (int)zHat.shape[2], zWidth = (int)zHat.shape[3];
        var sizes = new RecordedSizes(Geometry.Channels, (int)height, (int)width, [zHeight, zWidth]);
        if (sizes.OutOfBounds() is { } tooLarge)
            throw new ArgumentException(tooLarge, nameof(image));

        var zValues = Doubles(zHat);
        var sidePayload = EncodeSide(zValues, zHeight * zWidth);
        var (scales, means, yHeight, yWidth) = Parameters(zValues, zHeight, zWidth);
        if (y.shape[1] != CodeChannels || y.shape[2] != yHeight || y.shape[3] != yWidth)
        {
            throw new InvalidOperationException(
                $"The analysis gave y [{string.Join(", ", y.shape)}] but the hyper-synthesis of ẑ gives parameters for [1, {CodeChannels}, {yHeight}, {yWidth}].");
        }

        var yValues = Doubles(y);
        if (yValues.Any(v => !double.IsFinite(v)))
            throw new InvalidOperationException("The analysis gave a code that is not finite: the model's weights are broken.");
        var symbols = new long[yValues.Length];
        for (var i = 0; i < symbols.Length; i++)
        {
            var centred = Math.Round(yValues[i] - (means?[i] ?? 0), MidpointRounding.ToEven);
            // Beyond 2^53 a double no longer holds every integer, and the float a decoder rebuilds would not be this value.
            if (Math.Abs(centred) > 9.007199254740992E+15)
                throw new InvalidOperationException($"Code element {i} is {centred}: beyond what a stream codes exactly (±2^53).");
            symbols[i] = (long)centred;
        }
        var codePayload = GaussianConditional.Encode(symbols, GaussianConditional.ScaleIndexes(scales));

        var recorded = sizes.ToBytes();
        var stream = new byte[StreamHeader.Length + recorded.Length + LengthBytes + sidePayload.Length + codePayload.Length];
        StreamHeader.Write(stream, StreamHeader.HyperpriorVersion, _identity);
        var offset = StreamHeader.Length;
        recorded.CopyTo(stream, offset);
        offset += recorded.Length;
        BinaryPrimitives.WriteUInt32LittleEndian(stream.AsSpan(offset), (uint)sidePayload.Length);
        offset += LengthBytes;
        sidePayload.CopyTo(stream, offset);
        codePayload.CopyTo(stream, offset + sidePayload.Length);
        return stream;
    }

    /// <inheritdoc />
    /// <exception cref="CorruptStreamException">Not a stream of this format and model, or damaged.</exception>
    public override Tensor Decode(byte[] data)
    {
        using var scope = NewDisposeScope();
        var (code, sizes) = ReadCode(data);
        ThrowIfWeightsChanged();
        using var mode = EvaluationModeScope.Enter(_model);
        using var noGrad = no_grad();
        var output = _synthesis(code.to(ModelDevice.Of(_model)).unsqueeze(0));
        var (paddedHeight, paddedWidth) = Geometry.Padded(sizes.Height, sizes.Width);
        if (output.dim() != 4 || output.shape[1] != sizes.Channels || output.shape[2] != paddedHeight || output.shape[3] != paddedWidth)
        {
            throw new CorruptStreamException(
                $"damaged stream: it records {sizes}, but its code decodes to [{string.Join(", ", output.shape)}], not [1, {sizes.Channels}, {paddedHeight}, {paddedWidth}].");
        }

        return Imaging.AnySize.Crop(output, sizes.Height, sizes.Width)[0].clamp(Zero, One).cpu().contiguous().MoveToOuterDisposeScope();
    }

    /// <summary>ŷ [M, h, w] as the decoder reconstructs it from <paramref name="stream"/>: the same bits on every machine.</summary>
    /// <exception cref="CorruptStreamException">Not a stream of this format and model, or damaged.</exception>
    public Tensor DecodeCode(byte[] stream) => ReadCode(stream).Code;

    private (Tensor Code, RecordedSizes Sizes) ReadCode(byte[] stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        StreamHeader.Check(stream, StreamHeader.HyperpriorVersion, _identity);
        var offset = StreamHeader.Length;
        var sizes = RecordedSizes.Read(stream, ref offset);
        if (sizes.Channels != Geometry.Channels || sizes.CodeSizes.Count != 2)
            throw new CorruptStreamException($"damaged stream: it records {sizes}, not an image of {Geometry.Channels} channels with a side code [h, w].");
        var (paddedHeight, paddedWidth) = Geometry.Padded(sizes.Height, sizes.Width);
        int zHeight = sizes.CodeSizes[0], zWidth = sizes.CodeSizes[1];
        if (zHeight > paddedHeight || zWidth > paddedWidth)
            throw new CorruptStreamException($"damaged stream: it records {sizes}, a side code larger than the padded {paddedWidth}×{paddedHeight} image.");
        if (stream.Length - offset < LengthBytes)
            throw new CorruptStreamException("truncated stream: it ends before the side payload's length.");
        var sideLength = BinaryPrimitives.ReadUInt32LittleEndian(stream.AsSpan(offset));
        offset += LengthBytes;
        if (sideLength > stream.Length - offset)
            throw new CorruptStreamException($"damaged stream: it records a side payload of {sideLength} bytes; {stream.Length - offset} remain.");

        // Every side value costs at least its table's most probable symbol: a short payload cannot hold a huge side code.
        var zPositions = zHeight * zWidth;
        if (zPositions * _minimumSideBits > 8.0 * sideLength + 64)
            throw new CorruptStreamException($"damaged stream: it records {sizes}, a side code that needs more than its {sideLength}-byte payload.");
        var zValues = new double[(long)_side.Channels * zPositions];
        var side = new RangeDecoder(stream[..(offset + (int)sideLength)], offset);
        for (var i = 0; i < zValues.Length; i++)
            zValues[i] = _sideTables[i / zPositions].Decode(side);
        side.Finish();
        offset += (int)sideLength;

        var (scales, means, yHeight, yWidth) = Parameters(zValues, zHeight, zWidth);
        var symbols = GaussianConditional.Decode(stream, offset, GaussianConditional.ScaleIndexes(scales));
        var values = new float[symbols.Length];
        for (var i = 0; i < values.Length; i++)
            values[i] = (float)(symbols[i] + (means?[i] ?? 0));
        return (tensor(values, [CodeChannels, yHeight, yWidth]), sizes);
    }

    // The side code, channel by channel, under each channel's factorised table.
    private byte[] EncodeSide(double[] zValues, int positions)
    {
        var encoder = new RangeEncoder();
        for (var i = 0; i < zValues.Length; i++)
            _sideTables[i / positions].Encode(encoder, (long)zValues[i]);
        return encoder.Finish();
    }

    // The hyper-synthesis in doubles: M scales (then M means) per element of y.
    private (double[] Scales, double[]? Means, int Height, int Width) Parameters(double[] zValues, int zHeight, int zWidth)
    {
        var parameters = _hyperSynthesis.Run(zValues, zHeight, zWidth, out var height, out var width);
        var count = CodeChannels * height * width;
        var scales = parameters[..count];
        return (scales, _meanAndScale ? parameters[count..] : null, height, width);
    }

    private static double[] Doubles(Tensor values)
    {
        using var flat = values.detach().cpu().to_type(ScalarType.Float64).contiguous().flatten();
        return flat.data<double>().ToArray();
    }

    private void ThrowIfWeightsChanged() => ModelIdentity.ThrowIfChanged(_identity, _fingerprint, _model, _side, Name);
}
