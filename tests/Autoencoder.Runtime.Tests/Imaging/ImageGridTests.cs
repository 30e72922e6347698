using System;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Imaging;

public sealed class ImageGridTests : IDisposable
{
    private const int Gap = ImageGrid.GapPixels;
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Originals_fill_the_top_row_and_reconstructions_the_bottom_row()
    {
        const int n = 3, h = 4, w = 5;
        using var originals = Levels(n, 1, h, w, offset: 0);
        using var reconstructions = Levels(n, 1, h, w, offset: 100);
        var path = _temp.File("grid.png");

        ImageGrid.SaveComparison(originals, reconstructions, path);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.ColorType.ShouldBe((byte)0);
        png.Width.ShouldBe((n * w) + ((n - 1) * Gap));
        png.Height.ShouldBe((2 * h) + Gap);
        for (var i = 0; i < n; i++)
        {
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    var left = i * (w + Gap);
                    png.Pixel(left + x, y)[0].ShouldBe(Level(i, 0, y, x, offset: 0));
                    png.Pixel(left + x, h + Gap + y)[0].ShouldBe(Level(i, 0, y, x, offset: 100));
                }
            }
        }
    }

    [Fact]
    public void Gaps_between_images_and_rows_are_grey()
    {
        using var black = torch.zeros(2, 1, 3, 3);
        var path = _temp.File("gaps.png");

        ImageGrid.SaveComparison(black, black, path);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.Pixel(3, 0)[0].ShouldBe(ImageGrid.GapLevel); // between the two originals
        png.Pixel(4, 5)[0].ShouldBe(ImageGrid.GapLevel); // between the two reconstructions
        png.Pixel(0, 3)[0].ShouldBe(ImageGrid.GapLevel); // between the rows
        png.Pixel(0, 0)[0].ShouldBe((byte)0);
        png.Pixel(7, 7)[0].ShouldBe((byte)0); // bottom-right corner: last reconstruction
    }

    [Fact]
    public void Values_are_clamped_to_0_1_and_nan_becomes_black()
    {
        using var originals = torch.tensor(new[] { -0.5f, 1.7f, float.NaN, 0.5f }, [1, 1, 2, 2]);
        using var reconstructions = torch.tensor(new[] { float.PositiveInfinity, float.NegativeInfinity, 0.25f, 1f }, [1, 1, 2, 2]);
        var path = _temp.File("clamped.png");

        ImageGrid.SaveComparison(originals, reconstructions, path);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.Pixels.ShouldBe(new byte[]
        {
            0, 255,
            0, 128,
            ImageGrid.GapLevel, ImageGrid.GapLevel,
            ImageGrid.GapLevel, ImageGrid.GapLevel,
            255, 0,
            64, 255,
        });
    }

    [Fact]
    public void MaxImages_keeps_the_first_pairs()
    {
        using var originals = Levels(5, 1, 2, 2, offset: 0);
        var path = _temp.File("two.png");

        ImageGrid.SaveComparison(originals, originals, path, maxImages: 2);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.Width.ShouldBe((2 * 2) + Gap);
        png.Pixel(2 + Gap, 0)[0].ShouldBe(Level(1, 0, 0, 0, offset: 0));
    }

    [Fact]
    public void Three_channel_images_become_an_rgb_png()
    {
        using var originals = Levels(2, 3, 2, 3, offset: 0);
        using var reconstructions = Levels(2, 3, 2, 3, offset: 50);
        var path = _temp.File("rgb.png");

        ImageGrid.SaveComparison(originals, reconstructions, path);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.ColorType.ShouldBe((byte)2);
        png.Width.ShouldBe((2 * 3) + Gap);
        png.Height.ShouldBe((2 * 2) + Gap);
        // Second image, pixel (x 2, y 1): R, G, B from channels 0, 1, 2.
        png.Pixel(3 + Gap + 2, 1).ShouldBe([Level(1, 0, 1, 2, 0), Level(1, 1, 1, 2, 0), Level(1, 2, 1, 2, 0)]);
        png.Pixel(2, 2 + Gap + 1).ShouldBe([Level(0, 0, 1, 2, 50), Level(0, 1, 1, 2, 50), Level(0, 2, 1, 2, 50)]);
    }

    [Fact]
    public void Shipped_mnist_digits_appear_unchanged_in_the_grid()
    {
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 4);
        var path = _temp.File("mnist.png");

        ImageGrid.SaveComparison(test.Images, test.Images, path);

        var png = PngReader.Decode(File.ReadAllBytes(path));
        png.Width.ShouldBe((4 * 28) + (3 * Gap));
        png.Pixel(6, 7)[0].ShouldBe((byte)84); // first test image, row 7, column 6
        png.Pixel(6, 28 + Gap + 7)[0].ShouldBe((byte)84);
    }

    [Fact]
    public void Creates_missing_directories_and_replaces_an_existing_file_without_leftovers()
    {
        using var images = Levels(1, 1, 2, 2, offset: 0);
        var directory = Path.Combine(_temp.Path, "runs", "epoch-1");
        var path = Path.Combine(directory, "grid.png");

        ImageGrid.SaveComparison(images, images, path);
        File.WriteAllText(path, "stale");
        ImageGrid.SaveComparison(images, images, path);

        PngReader.Decode(File.ReadAllBytes(path)).Width.ShouldBe(2);
        Directory.GetFiles(directory).ShouldBe([path]);
    }

    [Fact]
    public void A_failed_write_leaves_no_temporary_file()
    {
        using var images = Levels(1, 1, 2, 2, offset: 0);
        var occupied = Path.Combine(_temp.Path, "taken.png");
        Directory.CreateDirectory(occupied); // a directory where the file should go: the final rename fails

        Should.Throw<IOException>(() => ImageGrid.SaveComparison(images, images, occupied));

        Directory.GetFiles(_temp.Path).ShouldBeEmpty();
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_with_both_shapes()
    {
        using var originals = torch.zeros(2, 1, 28, 28);
        using var flat = torch.zeros(2, 784);

        var error = Should.Throw<ArgumentException>(() => ImageGrid.SaveComparison(originals, flat, _temp.File("x.png")));

        error.Message.ShouldContain("[2, 784]");
        error.Message.ShouldContain("[2, 1, 28, 28]");
    }

    [Fact]
    public void Unsupported_channel_count_is_rejected()
    {
        using var twoChannels = torch.zeros(1, 2, 4, 4);

        Should.Throw<ArgumentException>(() => ImageGrid.SaveComparison(twoChannels, twoChannels, _temp.File("x.png")))
            .Message.ShouldContain("[N, 1 or 3, H, W]");
    }

    // A distinct, exactly representable byte per (image, channel, y, x): value / 255 survives quantisation.
    private static byte Level(int image, int channel, int y, int x, int offset) =>
        (byte)((offset + (image * 37) + (channel * 11) + (y * 5) + x) % 256);

    private static torch.Tensor Levels(int n, int channels, int h, int w, int offset)
    {
        var values = new float[n * channels * h * w];
        var k = 0;
        for (var i = 0; i < n; i++)
        {
            for (var c = 0; c < channels; c++)
            {
                for (var y = 0; y < h; y++)
                {
                    for (var x = 0; x < w; x++)
                    {
                        values[k++] = Level(i, c, y, x, offset) / 255f;
                    }
                }
            }
        }

        return torch.tensor(values, [n, channels, h, w]);
    }
}
