using System;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

public sealed class BaselineCodecTests(ITestOutputHelper output)
{
    [Fact]
    public void Png_is_lossless_and_writes_a_grayscale_file()
    {
        using var digits = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 1);
        using var digit = digits.Images[0];
        var codec = new PngCodec(channels: 1);

        var bytes = codec.Encode(digit);
        using var decoded = codec.Decode(bytes);

        codec.Name.ShouldBe("PNG");
        decoded.shape.ShouldBe([1L, 28, 28]);
        decoded.allclose(digit, rtol: 0, atol: 0).ShouldBeTrue();
        var png = PngReader.Decode(bytes);
        png.ColorType.ShouldBe((byte)0, "grayscale");
        png.Pixels.ShouldBe(digit.mul(255).round().to_type(ScalarType.Byte).data<byte>().ToArray());
    }

    [Fact]
    public void Jpeg_writes_a_one_component_file_for_grayscale_and_webp_a_riff_file()
    {
        using var digits = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 1);
        using var digit = digits.Images[0];
        var jpeg = new JpegCodec(50, channels: 1).Encode(digit);
        var webp = new WebPCodec(50, channels: 1).Encode(digit);
        var png = new PngCodec(channels: 1).Encode(digit);
        output.WriteLine($"MNIST test digit 0: JPEG q=50 {jpeg.Length} bytes, WebP q=50 {webp.Length} bytes, PNG {png.Length} bytes");

        jpeg[..2].ShouldBe(new byte[] { 0xFF, 0xD8 });
        JpegComponents(jpeg).ShouldBe(1, "a grayscale JPEG has one component");
        Encoding.ASCII.GetString(webp, 0, 4).ShouldBe("RIFF");
        Encoding.ASCII.GetString(webp, 8, 4).ShouldBe("WEBP");
        BitConverter.ToInt32(webp, 4).ShouldBe(webp.Length - 8, "the RIFF size covers the whole file");
    }

    [Fact]
    public void Lossy_codecs_come_back_close_with_the_channels_they_were_given()
    {
        using var digits = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 1);
        using var digit = digits.Images[0];
        using var colour = cat([digit, digit.flip(1), digit.flip(2)]);
        SkiaImageCodec[] codecs = [new JpegCodec(90, 1), new WebPCodec(90, 1), new JpegCodec(90, 3), new WebPCodec(90, 3), new PngCodec(3)];

        foreach (var codec in codecs)
        {
            var image = codec.Channels == 1 ? digit : colour;
            using var decoded = codec.Decode(codec.Encode(image));
            decoded.shape.ShouldBe(image.shape, codec.Name);
            var error = decoded.sub(image).abs().mean().item<float>();
            error.ShouldBeLessThan(0.05f, codec.Name);
        }
    }

    [Fact]
    public void Wrong_input_and_bytes_that_are_not_an_image_are_rejected()
    {
        var codec = new JpegCodec(50, channels: 1);

        Should.Throw<ArgumentException>(() => codec.Encode(zeros(3, 28, 28))).Message.ShouldContain("JPEG q=50 encodes [1, H, W] images");
        Should.Throw<CorruptStreamException>(() => codec.Decode(Encoding.ASCII.GetBytes("not a jpeg at all")))
            .Message.ShouldStartWith("JPEG q=50: cannot decode 17 bytes: not a PNG, JPEG, WebP or BMP image");
        Should.Throw<ArgumentOutOfRangeException>(() => new WebPCodec(101, 1));
        Should.Throw<ArgumentOutOfRangeException>(() => new PngCodec(2));
    }

    [Fact]
    public void The_standard_list_spreads_jpeg_and_webp_qualities_and_ends_with_png()
    {
        var codecs = BaselineCodecs.Standard(channels: 1);

        codecs.Select(c => c.Name).ShouldBe(
            BaselineCodecs.StandardQualities.Select(q => $"JPEG q={q}")
                .Concat(BaselineCodecs.StandardQualities.Select(q => $"WebP q={q}"))
                .Append("PNG"));
        codecs.ShouldAllBe(c => c.Channels == 1);
    }

    // The number of components in the frame header (SOF0/SOF2) of a JPEG file.
    private static int JpegComponents(byte[] jpeg)
    {
        var i = 2;
        while (i + 4 <= jpeg.Length)
        {
            jpeg[i].ShouldBe((byte)0xFF);
            var marker = jpeg[i + 1];
            var length = (jpeg[i + 2] << 8) | jpeg[i + 3];
            if (marker is 0xC0 or 0xC1 or 0xC2)
                return jpeg[i + 9];
            i += 2 + length;
        }

        throw new InvalidDataException("No SOF marker.");
    }
}
