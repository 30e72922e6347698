using System;
using System.Linq;
using Autoencoder.Runtime.Corruption;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Restoration;

/// <summary>Block noise (a random square per image) and Region (a given rectangle): size, place, untouched pixels, seeds.</summary>
public class BlockCorruptionTests
{
    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    /// <summary>Images with no zero pixel, so every zero after corruption is one the corruption set.</summary>
    private static Tensor Images(long count, long channels, long height, long width, long seed)
    {
        using var generator = new Generator((ulong)seed);
        return rand(new[] { count, channels, height, width }, generator: generator) * 0.9 + 0.1;
    }

    [Theory]
    [InlineData(0.5, 10, 14, 5)]
    [InlineData(0.25, 28, 28, 7)]
    [InlineData(1.0, 6, 9, 6)]
    public void Each_image_gets_one_square_of_the_declared_side_inside_it(double fraction, long height, long width, long side)
    {
        using var images = Images(32, 2, height, width, seed: 1);
        using var generator = new Generator(2);

        using var corrupted = ImageCorruption.Block(images, fraction, generator);

        corrupted.shape.ShouldBe(images.shape);
        using var zeroed = corrupted.eq(0);
        for (long i = 0; i < images.shape[0]; i++)
        {
            using var mask = zeroed[i];
            // The same square in every channel.
            Same(mask[0], mask[1]).ShouldBeTrue();
            using var rows = mask[0].any(1).nonzero().flatten();
            using var columns = mask[0].any(0).nonzero().flatten();
            rows.numel().ShouldBe(side);
            columns.numel().ShouldBe(side);
            // Contiguous rows and columns, and exactly side² pixels: one full square, inside the image by construction.
            (rows[side - 1].item<long>() - rows[0].item<long>()).ShouldBe(side - 1);
            (columns[side - 1].item<long>() - columns[0].item<long>()).ShouldBe(side - 1);
            mask[0].sum().item<long>().ShouldBe(side * side);
        }

        // Every other pixel keeps its value.
        Same(corrupted.masked_select(zeroed.logical_not()), images.masked_select(zeroed.logical_not())).ShouldBeTrue();
    }

    [Fact]
    public void Squares_land_at_many_places_including_both_edges()
    {
        using var images = Images(400, 1, 8, 8, seed: 3);
        using var generator = new Generator(4);

        using var corrupted = ImageCorruption.Block(images, 0.5, generator);

        using var zeroed = corrupted.eq(0)[.., 0];
        var tops = Enumerable.Range(0, 400).Select(i => zeroed[i].any(1).nonzero()[0].item<long>()).ToArray();
        tops.Distinct().Count().ShouldBe(5);
        tops.Min().ShouldBe(0);
        tops.Max().ShouldBe(4);
    }

    [Fact]
    public void A_seeded_generator_reproduces_the_squares_and_another_seed_moves_them()
    {
        using var images = Images(16, 1, 12, 12, seed: 5);

        using var first = ImageCorruption.Block(images, 0.3, new Generator(6));
        using var again = ImageCorruption.Block(images, 0.3, new Generator(6));
        using var other = ImageCorruption.Block(images, 0.3, new Generator(7));

        Same(first, again).ShouldBeTrue();
        Same(first, other).ShouldBeFalse();
    }

    [Fact]
    public void A_zero_side_leaves_the_images_as_they_are_and_the_input_is_never_changed()
    {
        using var images = Images(4, 1, 8, 8, seed: 8);
        using var original = images.clone();

        using var untouched = ImageCorruption.Block(images, 0.0, new Generator(9));
        using var corrupted = ImageCorruption.Block(images, 0.5, new Generator(9));

        Same(untouched, images).ShouldBeTrue();
        Same(images, original).ShouldBeTrue();
    }

    [Fact]
    public void Block_needs_images_and_a_fraction_in_range()
    {
        using var flat = zeros(4, 784);
        using var images = zeros(4, 1, 8, 8);

        Should.Throw<ArgumentException>(() => ImageCorruption.Block(flat, 0.5)).Message.ShouldContain("[B, C, H, W]");
        Should.Throw<ArgumentOutOfRangeException>(() => ImageCorruption.Block(images, 1.5));
        Should.Throw<ArgumentOutOfRangeException>(() => ImageCorruption.Block(images, double.NaN));
    }

    [Fact]
    public void Region_zeroes_exactly_the_rectangle_in_every_image_and_channel()
    {
        using var images = Images(3, 2, 10, 12, seed: 10);

        using var corrupted = ImageCorruption.Region(images, x: 2, y: 5, width: 7, height: 3);

        using var zeroed = corrupted.eq(0);
        using var expected = zeros(new long[] { 3, 2, 10, 12 }, dtype: ScalarType.Bool);
        expected[.., .., 5..8, 2..9] = tensor(true);
        Same(zeroed, expected).ShouldBeTrue();
        Same(corrupted.masked_select(expected.logical_not()), images.masked_select(expected.logical_not())).ShouldBeTrue();
    }

    [Theory]
    [InlineData(0, 0, 0, 3, "empty")]
    [InlineData(-1, 0, 3, 3, "does not lie inside the 12×10 images")]
    [InlineData(10, 0, 3, 3, "does not lie inside the 12×10 images")]
    [InlineData(0, 8, 3, 3, "does not lie inside the 12×10 images")]
    public void Region_outside_the_images_says_where(int x, int y, int width, int height, string problem)
    {
        using var images = zeros(1, 1, 10, 12);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => ImageCorruption.Region(images, x, y, width, height));

        error.Message.ShouldContain(problem);
    }
}
