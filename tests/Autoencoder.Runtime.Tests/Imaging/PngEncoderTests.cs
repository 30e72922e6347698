using System;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Imaging;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Imaging;

public sealed class PngEncoderTests
{
    [Fact]
    public void Reference_crc_matches_the_standard_check_value()
    {
        PngReader.Crc32(Encoding.ASCII.GetBytes("123456789")).ShouldBe(0xCBF43926u);
    }

    [Fact]
    public void Grayscale_pixels_round_trip()
    {
        var pixels = Noise(7 * 5, seed: 1);

        var image = PngReader.Decode(PngEncoder.Encode(pixels, width: 7, height: 5, PngColorType.Grayscale));

        image.Width.ShouldBe(7);
        image.Height.ShouldBe(5);
        image.ColorType.ShouldBe((byte)0);
        // Skia's libpng adds one ancillary chunk, sBIT (all 8 bits significant); no palette, transparency or colour profile.
        image.ChunkTypes.ShouldBe(["IHDR", "sBIT", "IDAT", "IEND"]);
        image.Pixels.ShouldBe(pixels);
    }

    [Fact]
    public void Rgb_pixels_round_trip_with_channels_interleaved()
    {
        var pixels = Noise(4 * 3 * 3, seed: 2);

        var image = PngReader.Decode(PngEncoder.Encode(pixels, width: 4, height: 3, PngColorType.Rgb));

        image.ColorType.ShouldBe((byte)2, "RGB without alpha");
        image.Channels.ShouldBe(3);
        image.ChunkTypes.ShouldBe(["IHDR", "sBIT", "IDAT", "IEND"]);
        image.Pixels.ShouldBe(pixels);
        image.Pixel(1, 2).ShouldBe(pixels.AsSpan(((2 * 4) + 1) * 3, 3).ToArray());
    }

    [Theory]
    [InlineData(PngColorType.Grayscale)]
    [InlineData(PngColorType.Rgb)]
    public void Smooth_images_compress_far_below_their_raw_size_and_round_trip_exactly(PngColorType colorType)
    {
        const int width = 128, height = 96;
        var channels = colorType == PngColorType.Rgb ? 3 : 1;
        var columnNoise = Noise(width * channels, seed: 3);
        // Left to right ramps (rows alternate in brightness) and top to bottom ramps with noise across the row:
        // one is predicted by the left neighbour, the other by the pixel above.
        var horizontalRamp = Enumerable.Range(0, width * height * channels)
            .Select(i => (byte)((i % (width * channels) / channels) + (i / (width * channels) % 2 * 100) + (i % channels * 20))).ToArray();
        var verticalRamp = Enumerable.Range(0, width * height * channels)
            .Select(i => (byte)((i / (width * channels) * 2) + 40 + (columnNoise[i % (width * channels)] % 60))).ToArray();

        foreach (var pixels in new[] { horizontalRamp, verticalRamp })
        {
            var png = PngEncoder.Encode(pixels, width, height, colorType);
            var image = PngReader.Decode(png);

            image.Pixels.ShouldBe(pixels);
            png.Length.ShouldBeLessThan(pixels.Length / 8, "a smooth image compresses far below its raw size");
        }
    }

    [Fact]
    public void Noise_round_trips_exactly_and_costs_little_more_than_its_raw_size()
    {
        var pixels = Noise(64 * 64 * 3, seed: 4);

        var png = PngEncoder.Encode(pixels, 64, 64, PngColorType.Rgb);

        PngReader.Decode(png).Pixels.ShouldBe(pixels);
        png.Length.ShouldBeLessThan(pixels.Length + 200, "incompressible rows are stored, not inflated");
    }

    [Theory]
    [InlineData(PngColorType.Grayscale)]
    [InlineData(PngColorType.Rgb)]
    public void Writes_the_same_file_as_the_png_baseline_codec(PngColorType colorType)
    {
        var channels = colorType == PngColorType.Rgb ? 3 : 1;
        var pixels = Enumerable.Range(0, 9 * 6 * channels).Select(i => (byte)(i * 7 % 256)).ToArray();
        // The codec takes [C, H, W] in [0, 1]; the encoder takes the same pixels as bytes, HWC.
        using var chw = torch.tensor(pixels, dtype: torch.ScalarType.Byte).reshape(6, 9, channels).permute(2, 0, 1)
            .to_type(torch.ScalarType.Float32).div(255);

        var codecFile = new PngCodec(channels).Encode(chw);

        PngEncoder.Encode(pixels, 9, 6, colorType).ShouldBe(codecFile, "one encoder, one set of options");
    }

    [Fact]
    public void Single_pixel_image_round_trips()
    {
        PngReader.Decode(PngEncoder.Encode([0xAB], 1, 1, PngColorType.Grayscale)).Pixels.ShouldBe(new byte[] { 0xAB });
    }

    [Fact]
    public void Wrong_pixel_count_is_rejected()
    {
        var error = Should.Throw<ArgumentException>(() => PngEncoder.Encode(new byte[11], 2, 2, PngColorType.Rgb));

        error.Message.ShouldContain("Expected 2×2×3 = 12 bytes of pixels, got 11");
        error.ParamName.ShouldBe("pixels");
    }

    [Theory]
    [InlineData(0, 1, "width")]
    [InlineData(1, -1, "height")]
    public void Non_positive_sizes_are_rejected(int width, int height, string parameter)
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => PngEncoder.Encode([], width, height, PngColorType.Grayscale));

        error.ParamName.ShouldBe(parameter);
    }

    [Fact]
    public void Unsupported_colour_types_are_rejected()
    {
        var error = Should.Throw<ArgumentOutOfRangeException>(() => PngEncoder.Encode(new byte[4], 1, 1, (PngColorType)6));

        error.ParamName.ShouldBe("colorType");
        error.Message.ShouldContain("Only Grayscale and Rgb are supported.");
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
