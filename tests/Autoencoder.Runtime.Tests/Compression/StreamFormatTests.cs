using System;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>Each way a stream can be refused, with the one-line reason a user sees.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class StreamFormatTests : IDisposable
{
    private readonly TinyCompressionModel _model = TinyCompressionModel.Create(8, 6, seed: 11);
    private readonly LearnedCodec _codec;
    private readonly byte[] _stream;

    public StreamFormatTests()
    {
        _codec = _model.CreateCodec();
        using var code = tensor(new float[] { 3, -2, 0, 41, -7, 1 });
        _stream = _codec.EncodeCode(code);
    }

    public void Dispose() => _model.Dispose();

    [Fact]
    public void The_header_is_magic_version_and_four_bytes_of_model_identity()
    {
        LearnedCodec.HeaderLength.ShouldBe(7);
        _stream[..3].ShouldBe("AE\u0001"u8.ToArray());
        _codec.DecodeCode(_stream).data<float>().ToArray().ShouldBe([3f, -2f, 0f, 41f, -7f, 1f]);
    }

    [Fact]
    public void Another_format_is_refused_by_its_magic()
    {
        Refused([0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10]).ShouldBe("not a learned-codec stream: it does not start with the magic bytes 'AE'.");
        Refused([(byte)'A', (byte)'X']).ShouldStartWith("not a learned-codec stream");
        Refused([]).ShouldBe("empty stream: there are no bytes to decode.");
    }

    [Fact]
    public void Another_format_version_is_refused_by_number()
    {
        var later = (byte[])_stream.Clone();
        later[2] = 7;
        Refused(later).ShouldBe("unsupported stream: written by format version 7; this build reads 1 to 3.");
    }

    [Fact]
    public void Another_model_or_other_weights_are_refused()
    {
        using var other = TinyCompressionModel.Create(8, 6, seed: 12);
        Should.Throw<CorruptStreamException>(() => other.CreateCodec().DecodeCode(_stream)).Message
            .ShouldStartWith("stream of another model: written by a different model or different weights (model identity ");

        // Same weights, another architecture fingerprint: also another model.
        var renamed = new LearnedCodec("renamed", _model, _model.Encode, _model.Decode, _model.Entropy, "another fingerprint",
            _model.InputShape, _model.CodeShape);
        Should.Throw<CorruptStreamException>(() => renamed.DecodeCode(_stream)).Message.ShouldContain("different model");
    }

    [Fact]
    public void Truncated_streams_are_refused()
    {
        Refused(_stream[..5]).ShouldBe("truncated stream: 5 bytes, shorter than the 7-byte header.");
        Refused(_stream[..LearnedCodec.HeaderLength]).ShouldStartWith("truncated stream: the payload ends");
        Refused(_stream[..^1]).ShouldStartWith("truncated stream");
    }

    [Fact]
    public void Extra_bytes_are_refused()
    {
        Refused([.. _stream, 0]).ShouldBe("damaged stream: 1 byte left over after the coded values (extra bytes or a damaged payload).");
        Refused([.. _stream, .. _stream]).ShouldContain("left over");
    }

    [Fact]
    public void Damaged_payloads_decode_or_are_refused_and_never_hang_or_crash()
    {
        var random = new Random(17);
        var refused = 0;
        const int trials = 500;
        for (var trial = 0; trial < trials; trial++)
        {
            var damaged = (byte[])_stream.Clone();
            damaged[LearnedCodec.HeaderLength + random.Next(_stream.Length - LearnedCodec.HeaderLength)] ^= (byte)(1 + random.Next(255));
            try
            {
                using var decoded = _codec.DecodeCode(damaged);
                decoded.shape.ShouldBe(new long[] { 6 });
            }
            catch (CorruptStreamException e)
            {
                e.Message.ShouldNotContain("\n");
                refused++;
            }
        }

        // No checksum (it would cost bytes on every stream): damage is caught when it changes the length the coder
        // needs or leads outside every slice, which for a payload this short is a minority of single-byte changes.
        refused.ShouldBeGreaterThan(0);
    }

    private string Refused(byte[] stream) => Should.Throw<CorruptStreamException>(() => _codec.DecodeCode(stream)).Message;
}
