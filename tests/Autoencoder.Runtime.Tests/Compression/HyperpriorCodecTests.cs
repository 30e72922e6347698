using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Deterministic;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>
/// The scale-hyperprior codec on a small random model: photos of any size round-trip through one stream, the code the decoder
/// rebuilds is the encoder's rounded code exactly, on one thread or two, and damaged or foreign streams are refused.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class HyperpriorCodecTests : IDisposable
{
    private readonly TinyHyperprior _model = new(meanAndScale: false);
    private readonly Tensor _photo;

    public HyperpriorCodecTests()
    {
        using var generator = new Generator(21);
        _photo = rand(new long[] { 3, 37, 29 }, generator: generator);
    }

    [Fact]
    public void A_photo_of_any_size_comes_back_at_its_size_and_the_code_is_the_rounded_analysis()
    {
        var codec = _model.CreateCodec();

        var stream = codec.Encode(_photo);
        using var decoded = codec.Decode(stream);
        using var code = codec.DecodeCode(stream);

        decoded.shape.ShouldBe([3, 37, 29]);
        using var expected = _model.RoundedCode(_photo);
        code.shape.ShouldBe(expected.shape);
        code.eq(expected).all().item<bool>().ShouldBeTrue();
        stream[2].ShouldBe((byte)3);
    }

    [Fact]
    public void The_mean_and_scale_variant_codes_each_value_around_its_mean()
    {
        using var model = new TinyHyperprior(meanAndScale: true);
        var codec = model.CreateCodec();

        var stream = codec.Encode(_photo);
        using var code = codec.DecodeCode(stream);
        using var decoded = codec.Decode(stream);

        using var y = model.Analysis(_photo);
        using var error = (code - y).abs().max();
        error.item<float>().ShouldBeLessThanOrEqualTo(0.5f + 1e-5f);
        decoded.shape.ShouldBe([3, 37, 29]);
    }

    [Fact]
    public void The_decoder_rebuilds_the_same_code_bits_on_one_thread_and_on_two()
    {
        var codec = _model.CreateCodec();
        var threads = get_num_threads();
        try
        {
            set_num_threads(1);
            var stream = codec.Encode(_photo);
            using var single = codec.DecodeCode(stream);
            set_num_threads(2);
            using var parallel = codec.DecodeCode(stream);

            single.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits)
                .ShouldBe(parallel.data<float>().ToArray().Select(BitConverter.SingleToInt32Bits));
            codec.Encode(_photo).ShouldBe(stream);
        }
        finally
        {
            set_num_threads(threads);
        }
    }

    [Fact]
    public void Damaged_truncated_and_foreign_streams_are_refused()
    {
        var codec = _model.CreateCodec();
        var stream = codec.Encode(_photo);

        Should.Throw<CorruptStreamException>(() => codec.Decode(stream[..^3]));
        var lying = (byte[])stream.Clone();
        // After the header: 6 bytes of sizes (channels 3, height 37, width 29, then rank 2 and the side code's 5 and 4), then the side payload's
        // length, little-endian: its top byte set claims 4 GB.
        lying[StreamHeader.Length + 6 + 3] = 0xFF;
        Should.Throw<CorruptStreamException>(() => codec.Decode(lying)).Message.ShouldContain("side payload");
        using var other = new TinyHyperprior(meanAndScale: false, seed: 99);
        Should.Throw<CorruptStreamException>(() => other.CreateCodec().Decode(stream)).Message.ShouldContain("another model");
    }

    public void Dispose()
    {
        _photo.Dispose();
        _model.Dispose();
    }

    /// <summary>y = [8, H/4, W/4], z = [8, H/8, W/8]; random weights, for the codec's mechanics.</summary>
    private sealed class TinyHyperprior : nn.Module
    {
        private readonly Conv2d _analysis0, _analysis1, _hyper;
        private readonly ConvTranspose2d _hyperSynthesis, _synthesis0, _synthesis1;
        private readonly EntropyBottleneck _side;
        private readonly bool _meanAndScale;

        public TinyHyperprior(bool meanAndScale, int seed = 3) : base(nameof(TinyHyperprior))
        {
            manual_seed(seed).Dispose();
            _meanAndScale = meanAndScale;
            _analysis0 = nn.Conv2d(3, 8, 5, stride: 2, padding: 2);
            _analysis1 = nn.Conv2d(8, 8, 5, stride: 2, padding: 2);
            _hyper = nn.Conv2d(8, 8, 3, stride: 2, padding: 1);
            _hyperSynthesis = nn.ConvTranspose2d(8, meanAndScale ? 16 : 8, 4, stride: 2, padding: 1);
            _synthesis0 = nn.ConvTranspose2d(8, 8, 5, stride: 2, padding: 2, output_padding: 1);
            _synthesis1 = nn.ConvTranspose2d(8, 3, 5, stride: 2, padding: 2, output_padding: 1);
            _side = new EntropyBottleneck("side", 8);
            // Codes of a few units, so that the tables and the escapes both see use.
            using (no_grad())
                _analysis1.weight!.mul_(4.0);
            RegisterComponents();
        }

        public Tensor Analysis(Tensor image)
        {
            using var scope = NewDisposeScope();
            var (height, width) = Geometry.Padded(image.shape[1], image.shape[2]);
            var padded = AnySize.Pad(image.unsqueeze(0), height, width);
            return Encode(padded)[0].MoveToOuterDisposeScope();
        }

        public Tensor RoundedCode(Tensor image)
        {
            using var y = Analysis(image);
            return y.round();
        }

        public static ImageGeometry Geometry { get; } = ImageGeometry.Free(3, 8, 8, 8);

        public HyperpriorCodec CreateCodec()
        {
            var hyperSynthesis = new DoubleNetwork([DoubleConvolution.Of(_hyperSynthesis.weight!, _hyperSynthesis.bias, 2, 1, transposed: true,
                activation: _meanAndScale ? DoubleActivation.Abs : DoubleActivation.ReLU)]);
            return new HyperpriorCodec("tiny", this, Encode, Decode, y => _hyper.forward(y.abs()), hyperSynthesis, _side, "0000000000000000",
                Geometry, _meanAndScale);
        }

        private Tensor Encode(Tensor x)
        {
            using var scope = NewDisposeScope();
            return _analysis1.forward(nn.functional.relu(_analysis0.forward(x))).MoveToOuterDisposeScope();
        }

        private Tensor Decode(Tensor y)
        {
            using var scope = NewDisposeScope();
            return _synthesis1.forward(nn.functional.relu(_synthesis0.forward(y))).MoveToOuterDisposeScope();
        }
    }
}
