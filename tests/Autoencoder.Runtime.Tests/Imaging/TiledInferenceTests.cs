using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>Tiles against the whole image, shapes and edges, memory per call, and the arguments refused.</summary>
public class TiledInferenceTests
{
    // Where every tile's receptive field stays inside the tile the tiled output is the untiled one; what is left is float
    // rounding of sums done over other sizes (about 1e-7 for outputs of order 1), well below 1e-5.
    private const float Tolerance = 1e-5f;

    private static readonly ImageGeometry Rgb = ImageGeometry.Free(3, 2, 8, 8);

    [Theory]
    [InlineData(1, 150, 203)]
    [InlineData(3, 131, 96)]
    public void With_an_overlap_of_four_receptive_radii_tiles_give_the_untiled_output(int channels, int height, int width)
    {
        using var network = ConvNetworks.StridedPair(channels, seed: 5);
        var radius = ConvNetworks.ReceptiveRadius(network, channels);
        radius.ShouldBeGreaterThan(2); // a real receptive field, or the test would prove nothing
        var options = new TileOptions { TileSize = 64, Overlap = (int)(4 * radius) };
        var geometry = ImageGeometry.Free(channels, 2, 8, 8);
        using var image = rand(channels, height, width);

        using var tiled = TiledInference.Apply(image, geometry, network.forward, options);
        using var batch = image.unsqueeze(0);
        using var untiled = NoGrad(() => AnySize.Apply(batch, geometry, network.forward));
        using var whole = untiled[0];

        ConvNetworks.MaxDifference(tiled, whole).ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void Without_overlap_the_seams_show_and_overlap_hides_them()
    {
        using var network = ConvNetworks.StridedPair(3, seed: 6);
        using var image = rand(3, 100, 100);
        using var untiled = NoGrad(() => AnySize.Apply(image.unsqueeze(0), Rgb, network.forward))[0];

        float Difference(int overlap)
        {
            using var tiled = TiledInference.Apply(image, Rgb, network.forward, new TileOptions { TileSize = 32, Overlap = overlap });
            return ConvNetworks.MaxDifference(tiled, untiled);
        }

        var none = Difference(0);
        var little = Difference(4);
        var enough = Difference(28);
        none.ShouldBeGreaterThan(100 * Tolerance);
        little.ShouldBeLessThan(none);
        enough.ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void A_pointwise_network_is_exact_for_any_overlap()
    {
        using var network = ConvNetworks.Pointwise(3, seed: 7);
        using var image = rand(1, 3, 77, 101);
        using var untiled = NoGrad(() => network.forward(image));

        using var tiled = TiledInference.Apply(image, ImageGeometry.Free(3, 4, 4, 4), network.forward, new TileOptions { TileSize = 16, Overlap = 0 });

        ConvNetworks.MaxDifference(tiled, untiled).ShouldBeLessThan(Tolerance);
    }

    [Theory]
    [InlineData(1, 20, 30)]
    [InlineData(3, 5, 7)]
    public void An_image_smaller_than_one_tile_is_padded_as_AnySize_pads(int channels, int height, int width)
    {
        using var network = ConvNetworks.StridedPair(channels, seed: 8);
        var geometry = ImageGeometry.Free(channels, 2, 8, 8);
        using var image = rand(1, channels, height, width);

        using var tiled = TiledInference.Apply(image, geometry, network.forward, new TileOptions { TileSize = 64, Overlap = 16, Padding = PaddingMode.Reflect });
        using var untiled = NoGrad(() => AnySize.Apply(image, geometry, network.forward, PaddingMode.Reflect));

        tiled.shape.ShouldBe(image.shape);
        ConvNetworks.MaxDifference(tiled, untiled).ShouldBe(0f);
    }

    [Theory]
    [InlineData(new long[] { 3, 45, 71 })]
    [InlineData(new long[] { 1, 3, 45, 71 })]
    [InlineData(new long[] { 2, 3, 33, 40 })]
    public void The_output_has_the_input_s_rank_and_size_and_the_network_s_channels(long[] shape)
    {
        using var network = nn.Conv2d(3, 1, 3, padding: 1);
        using var image = rand(shape);

        using var output = TiledInference.Apply(image, Rgb, network.forward, new TileOptions { TileSize = 16, Overlap = 8 });

        var expected = (long[])shape.Clone();
        expected[^3] = 1;
        output.shape.ShouldBe(expected);
        output.requires_grad.ShouldBeFalse();
    }

    [Fact]
    public void A_batch_is_tiled_as_each_of_its_images()
    {
        using var network = ConvNetworks.StridedPair(3, seed: 9);
        using var images = rand(2, 3, 50, 60);
        var options = new TileOptions { TileSize = 32, Overlap = 16 };

        using var both = TiledInference.Apply(images, Rgb, network.forward, options);
        using var second = TiledInference.Apply(images[1], Rgb, network.forward, options);

        ConvNetworks.MaxDifference(both[1], second).ShouldBeLessThan(Tolerance);
    }

    [Fact]
    public void The_network_sees_one_tile_at_a_time_without_gradients()
    {
        using var network = ConvNetworks.StridedPair(3, seed: 10);
        using var image = rand(3, 200, 150);
        var seen = new List<long[]>();

        using var output = TiledInference.Apply(image, Rgb, x =>
        {
            seen.Add(x.shape);
            is_grad_enabled().ShouldBeFalse();
            return network.forward(x);
        }, new TileOptions { TileSize = 64, Overlap = 16 });

        // Rows start at 0, 48, 96 and end at 136 (200 - 64); columns 0, 48 and 86: 4 × 3 tiles of 64².
        seen.Count.ShouldBe(12);
        seen.ShouldAllBe(s => s[0] == 1 && s[2] == 64 && s[3] == 64);
    }

    [Fact]
    public void Bad_tiles_are_refused_naming_the_sizes()
    {
        using var image = rand(3, 40, 40);
        var geometry = ImageGeometry.Free(3, 16, 32, 32);

        string Refused(int tile, int overlap) => Should.Throw<ArgumentException>(
            () => TiledInference.Apply(image, geometry, x => x, new TileOptions { TileSize = tile, Overlap = overlap })).Message;

        Refused(64, 64).ShouldContain("overlap 64 must be smaller than the tile size 64");
        Refused(64, 80).ShouldContain("overlap 80 must be smaller");
        Refused(60, 8).ShouldContain("tile size 60 is not a positive multiple of 16");
        Refused(16, 0).ShouldContain("tile size 16 is below the model's minimum 32×32");
        Refused(64, -1).ShouldContain("overlap -1 is negative");
        Refused(64, 50).ShouldContain("rounded up to the size multiple 16, is 64");
    }

    [Fact]
    public void Fixed_models_other_channels_and_ranks_are_refused()
    {
        using var rgb = rand(3, 28, 28);
        using var gray = rand(1, 28, 28);
        using var vector = rand(784);

        Should.Throw<ArgumentException>(() => TiledInference.Apply(rgb, ImageGeometry.Fixed(3, 28, 28), x => x))
            .Message.ShouldContain("fully convolutional model (free height and width); this one takes 3×28×28 only");
        Should.Throw<ArgumentException>(() => TiledInference.Apply(gray, Rgb, x => x)).Message.ShouldContain("1 channels but the model takes 3");
        Should.Throw<ArgumentException>(() => TiledInference.Apply(vector, Rgb, x => x)).Message.ShouldContain("[784]");
    }

    private static Tensor NoGrad(Func<Tensor> run)
    {
        using var noGrad = no_grad();
        return run();
    }
}
