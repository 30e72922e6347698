using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>A codec built from a free-size geometry: every image comes back at its own size and channels.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class FreeSizeCodecTests
{
    [Theory]
    [InlineData(1, 37, 23)]
    [InlineData(3, 37, 23)]
    [InlineData(3, 23, 37)]
    [InlineData(1, 1, 1)]
    [InlineData(3, 8, 12)]
    public void Odd_sizes_come_back_at_their_own_size_as_the_model_reconstructs_them(int channels, int height, int width)
    {
        using var model = TinyConvCodec.Create(channels, seed: 1);
        var codec = model.CreateCodec();
        using var generator = new Generator(2);
        using var image = rand(new long[] { channels, height, width }, generator: generator);

        var stream = codec.Encode(image);
        using var decoded = codec.Decode(stream);

        decoded.shape.ShouldBe(new long[] { channels, height, width });
        using (no_grad())
        {
            model.eval();
            var (paddedHeight, paddedWidth) = model.Geometry.Padded(height, width);
            using var padded = AnySize.Pad(image.unsqueeze(0), paddedHeight, paddedWidth);
            using var reconstruction = model.Decode(model.Encode(padded).round());
            using var expected = AnySize.Crop(reconstruction, height, width)[0].clamp(0, 1);
            decoded.allclose(expected, rtol: 0, atol: 1e-6).ShouldBeTrue();
        }
    }

    [Fact]
    public void The_stream_records_channels_image_size_and_code_size_as_varints_after_the_header()
    {
        using var model = TinyConvCodec.Create(3, seed: 3);
        var codec = model.CreateCodec();
        using var image = full(new long[] { 3, 37, 23 }, 0.25f);

        var stream = codec.Encode(image);

        stream[..3].ShouldBe("AE\u0002"u8.ToArray());
        // 3 channels, 37 high, 23 wide, 2 code axes: padded to 40×24, the stride-4 code is 10×6.
        stream[LearnedCodec.HeaderLength..(LearnedCodec.HeaderLength + 6)].ShouldBe(new byte[] { 3, 37, 23, 2, 10, 6 });
        using var code = codec.DecodeCode(stream);
        code.shape.ShouldBe(new long[] { 4, 10, 6 });
    }

    [Fact]
    public void Lists_of_images_of_different_sizes_encode_decode_and_evaluate_per_image()
    {
        using var model = TinyConvCodec.Create(3, seed: 4);
        var codec = model.CreateCodec();
        using var generator = new Generator(5);
        Tensor[] images = [rand(new long[] { 3, 37, 23 }, generator: generator), rand(new long[] { 3, 16, 40 }, generator: generator)];

        var streams = codec.EncodeBatch(images);
        var decoded = codec.DecodeEach(streams);
        var (bytesPerImage, bitsPerPixel, psnr) = codec.Evaluate(images);

        decoded.Select(image => image.shape).ShouldBe([[3L, 37, 23], [3L, 16, 40]]);
        bytesPerImage.ShouldBe((streams[0].Length + streams[1].Length) / 2.0);
        bitsPerPixel.ShouldBe((streams[0].Length * 8.0 / (37 * 23) + streams[1].Length * 8.0 / (16 * 40)) / 2, tolerance: 1e-12);
        var expectedPsnr = images.Zip(decoded, (image, restored) =>
            Runtime.Metrics.ReconstructionMetrics.PsnrPerImage(restored.unsqueeze(0), image.unsqueeze(0))[0]).Average();
        psnr.ShouldBe(expectedPsnr, tolerance: 1e-9);
        Should.Throw<InvalidOperationException>(() => codec.DecodeBatch(streams)).Message.ShouldContain("DecodeEach");

        // One size: the stacked batch as before.
        using var batch = stack([images[0], images[0]]);
        using var restored = codec.DecodeBatch(codec.EncodeBatch(batch));
        restored.shape.ShouldBe(new long[] { 2, 3, 37, 23 });
    }

    [Fact]
    public void Images_the_model_does_not_take_are_refused_naming_what_differs()
    {
        using var model = TinyConvCodec.Create(3, seed: 6);
        var codec = model.CreateCodec();

        Should.Throw<ArgumentException>(() => codec.Encode(zeros(1, 8, 8))).Message
            .ShouldStartWith("The image has 1 channel (grayscale); the model takes 3 channels (RGB).");
        Should.Throw<ArgumentException>(() => codec.EncodeBatch([zeros(3, 8, 8), zeros(1, 8, 8)])).Message.ShouldStartWith("Image 1 of 2: ");
        Should.Throw<ArgumentException>(() => codec.Encode(zeros(3, 40_000, 1))).Message.ShouldContain("larger than a stream holds");
        Should.Throw<InvalidOperationException>(() => codec.EncodeCode(zeros(4, 2, 2))).Message.ShouldContain("imageHeight");
        Should.Throw<ArgumentException>(() => codec.EncodeCode(zeros(4, 1, 1), 37, 23)).Message.ShouldContain("code's sides");
    }

    [Fact]
    public void A_fixed_geometry_takes_its_own_size_only_and_names_both_sizes()
    {
        using var model = TinyConvCodec.Create(1, seed: 7);
        var codec = new LearnedCodec("fixed", model, model.Encode, model.Decode, model.Entropy, TinyConvCodec.Fingerprint, ImageGeometry.Fixed(1, 8, 12));
        using var image = full(new long[] { 1, 8, 12 }, 0.5f);

        using var decoded = codec.Decode(codec.Encode(image));

        decoded.shape.ShouldBe(new long[] { 1, 8, 12 });
        var error = Should.Throw<ImageSizeException>(() => codec.Encode(zeros(1, 9, 12)));
        error.Message.ShouldContain("12×9");
        error.Message.ShouldContain("12×8");
    }

    [Fact]
    public void Streams_of_the_other_format_version_are_refused_by_name()
    {
        using var convModel = TinyConvCodec.Create(1, seed: 8);
        using var fixedModel = TinyCompressionModel.Create(8, 6, seed: 8);
        var sized = convModel.CreateCodec().Encode(zeros(1, 8, 8));
        var fixedShape = fixedModel.CreateCodec().Encode(zeros(1, 8, 8));

        Should.Throw<CorruptStreamException>(() => convModel.CreateCodec().Decode(fixedShape)).Message
            .ShouldBe("unsupported stream: written by format version 1 (fixed shapes); this codec reads version 2 (images of their own size).");
        Should.Throw<CorruptStreamException>(() => fixedModel.CreateCodec().Decode(sized)).Message
            .ShouldBe("unsupported stream: written by format version 2 (images of their own size); this codec reads version 1 (fixed shapes).");
    }
}
