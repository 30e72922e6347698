using System;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>Format-2 streams whose recorded sizes are damaged or crafted: refused before anything is allocated for them.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class CraftedSizeStreamTests : IDisposable
{
    private readonly TinyConvCodec _model = TinyConvCodec.Create(3, seed: 21);
    private readonly LearnedCodec _codec;
    private readonly byte[] _stream;   // a genuine stream of a 37×23 colour image
    private readonly int _payload;     // where its payload starts

    public CraftedSizeStreamTests()
    {
        _codec = _model.CreateCodec();
        using var image = full(new long[] { 3, 37, 23 }, 0.4f);
        _stream = _codec.Encode(image);
        _payload = LearnedCodec.HeaderLength + new RecordedSizes(3, 37, 23, [10, 6]).ToBytes().Length;
    }

    public void Dispose() => _model.Dispose();

    [Fact]
    public void A_huge_image_claimed_by_a_short_stream_is_refused_before_any_allocation()
    {
        var crafted = WithSizes(new RecordedSizes(3, 8192, 8192, [2048, 2048]));
        _codec.Decode(_stream).Dispose();   // warm up: what is measured below is the refusal alone

        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Should.Throw<CorruptStreamException>(() => _codec.Decode(crafted));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        error.Message.ShouldStartWith("damaged stream: it records a 8192×8192 image (width×height) of 3 channels, code sizes [2048, 2048], a code of 16777216 values, which needs at least ");
        error.Message.ShouldEndWith($"bytes of payload under this model's tables; the stream has {_stream.Length - _payload}.");
        allocated.ShouldBeLessThan(1_000_000);  // 16 Mi float32 values would be 64 MB
    }

    [Fact]
    public void A_code_as_large_as_the_largest_image_is_more_than_a_stream_holds()
    {
        Refused(new RecordedSizes(3, 8192, 8192, [8192, 8192])).ShouldContain("is more than the 67108864 a stream may hold.");
    }

    [Fact]
    public void Sizes_beyond_the_formats_bounds_are_refused()
    {
        Refused(new RecordedSizes(3, 100_000, 23, [10, 6])).ShouldBe("damaged stream: it records image height 100000; a stream holds 1 to 32768.");
        Refused(new RecordedSizes(3, 32_768, 32_768, [10, 6])).ShouldBe(
            "damaged stream: it records a 32768×32768 image, more than the 67108864 pixels a stream may hold.");
        Refused(new RecordedSizes(0, 37, 23, [10, 6])).ShouldBe("damaged stream: it records image channels 0; a stream holds 1 to 64.");
        Refused(new RecordedSizes(3, 37, 23, [10, 6, 1, 1])).ShouldBe("damaged stream: it records number of code axes 4; a stream holds 0 to 3.");
    }

    [Fact]
    public void Sizes_that_disagree_with_the_geometry_or_each_other_are_refused()
    {
        Refused(new RecordedSizes(1, 37, 23, [10, 6])).ShouldEndWith("but the model takes 3 channels (RGB), not 1.");
        Refused(new RecordedSizes(3, 37, 23, [1, 1])).ShouldContain("the code's sides are at most the padded image's 24×40 and at least 1/4 of them");
        Refused(new RecordedSizes(3, 37, 23, [9, 6])).ShouldContain("the code's sides");
        Refused(new RecordedSizes(3, 37, 23, [60])).ShouldContain("a model of free sizes has codes [channels, height, width].");
    }

    [Fact]
    public void A_stream_cut_inside_its_sizes_or_with_an_overlong_number_is_refused()
    {
        Should.Throw<CorruptStreamException>(() => _codec.Decode(_stream[..(LearnedCodec.HeaderLength + 2)])).Message
            .ShouldBe("truncated stream: it ends inside the recorded sizes (at the image width).");
        byte[] overlong = [.. _stream[..LearnedCodec.HeaderLength], 3, 0x80, 0x80, 0x80, 0x01];
        Should.Throw<CorruptStreamException>(() => _codec.Decode(overlong)).Message
            .ShouldBe("damaged stream: the recorded image height runs past 3 bytes.");
    }

    [Fact]
    public void Sizes_that_pass_every_check_but_do_not_match_the_payload_still_fail_cleanly()
    {
        // 38×23 pads to the same 40×24 with the same 10×6 code: the stream decodes, to the other size.
        using (var decoded = _codec.Decode(WithSizes(new RecordedSizes(3, 38, 23, [10, 6]))))
            decoded.shape.ShouldBe(new long[] { 3, 38, 23 });

        // 36×23 takes a 10×6 code too, but pads to 36×24, not the 40×24 the code decodes to.
        Refused(new RecordedSizes(3, 36, 23, [10, 6])).ShouldEndWith("not the [1, 3, 36, 24] that image was padded to.");

        // A 10×5 code reads fewer values than were written: bytes are left over.
        Refused(new RecordedSizes(3, 37, 20, [10, 5])).ShouldStartWith("damaged stream");
    }

    private byte[] WithSizes(RecordedSizes sizes) => [.. _stream[..LearnedCodec.HeaderLength], .. sizes.ToBytes(), .. _stream[_payload..]];

    private string Refused(RecordedSizes sizes) => Should.Throw<CorruptStreamException>(() => _codec.Decode(WithSizes(sizes))).Message;
}
