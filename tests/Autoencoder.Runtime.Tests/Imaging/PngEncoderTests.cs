using System;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Imaging;
using Shouldly;
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
        image.ChunkTypes.ShouldBe(["IHDR", "IDAT", "IEND"]);
        image.Pixels.ShouldBe(pixels);
    }

    [Fact]
    public void Rgb_pixels_round_trip_with_channels_interleaved()
    {
        var pixels = Noise(4 * 3 * 3, seed: 2);

        var image = PngReader.Decode(PngEncoder.Encode(pixels, width: 4, height: 3, PngColorType.Rgb));

        image.ColorType.ShouldBe((byte)2);
        image.Pixels.ShouldBe(pixels);
        image.Pixel(1, 2).ShouldBe(pixels.AsSpan(((2 * 4) + 1) * 3, 3).ToArray());
    }

    [Fact]
    public void Smooth_images_use_the_sub_and_up_filters_and_still_round_trip()
    {
        const int width = 32, height = 8;
        var columnNoise = Noise(width, seed: 3);
        // Rows alternate in brightness, so only Sub (left neighbour) predicts well.
        var horizontalRamp = Enumerable.Range(0, width * height)
            .Select(i => (byte)((i % width * 4) + (i / width % 2 * 100))).ToArray();
        // Each row is the one above plus 10, with noise across: only Up (pixel above) predicts well.
        var verticalRamp = Enumerable.Range(0, width * height)
            .Select(i => (byte)((i / width * 10) + 40 + (columnNoise[i % width] % 60))).ToArray();

        var horizontal = PngReader.Decode(PngEncoder.Encode(horizontalRamp, width, height, PngColorType.Grayscale));
        var vertical = PngReader.Decode(PngEncoder.Encode(verticalRamp, width, height, PngColorType.Grayscale));

        horizontal.Pixels.ShouldBe(horizontalRamp);
        horizontal.Filters.ShouldAllBe(f => f == 1);
        vertical.Pixels.ShouldBe(verticalRamp);
        vertical.Filters.Skip(1).ShouldAllBe(f => f == 2);
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
    }

    private static byte[] Noise(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
