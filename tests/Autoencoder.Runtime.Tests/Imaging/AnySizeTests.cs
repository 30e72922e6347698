using System;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>Padding below and to the right, cropping back, and a fully convolutional network run on any size.</summary>
public class AnySizeTests
{
    /// <summary>[1, 1, 2, 3]: 1 2 3 / 4 5 6.</summary>
    private static Tensor Small() => tensor(new float[] { 1, 2, 3, 4, 5, 6 }, [1, 1, 2, 3]);

    private static float[] Values(Tensor t) => t.contiguous().data<float>().ToArray();

    [Fact]
    public void Replicate_repeats_the_last_row_and_column()
    {
        using var image = Small();

        using var padded = AnySize.Pad(image, 4, 5, PaddingMode.Replicate);

        padded.shape.ShouldBe([1, 1, 4, 5]);
        Values(padded).ShouldBe(new float[]
        {
            1, 2, 3, 3, 3,
            4, 5, 6, 6, 6,
            4, 5, 6, 6, 6,
            4, 5, 6, 6, 6,
        });
    }

    [Fact]
    public void Reflect_mirrors_at_the_edge_without_repeating_it()
    {
        using var image = Small();

        using var padded = AnySize.Pad(image, 3, 5, PaddingMode.Reflect);

        Values(padded).ShouldBe(new float[]
        {
            1, 2, 3, 2, 1,
            4, 5, 6, 5, 4,
            1, 2, 3, 2, 1,
        });
    }

    [Fact]
    public void Reflect_refuses_a_pad_as_large_as_the_side()
    {
        using var image = Small();

        var error = Should.Throw<ArgumentException>(() => AnySize.Pad(image, 2, 6, PaddingMode.Reflect));
        error.Message.ShouldContain("3×2 to 6×2");
        error.Message.ShouldContain("Replicate");
        Should.Throw<ArgumentException>(() => AnySize.Pad(image, 4, 3, PaddingMode.Reflect)).Message.ShouldContain("3×2 to 3×4");
        using var replicated = AnySize.Pad(image, 4, 6, PaddingMode.Replicate);
        replicated.shape.ShouldBe([1, 1, 4, 6]);
    }

    [Fact]
    public void Padding_to_the_same_size_returns_the_images_and_to_a_smaller_one_is_refused()
    {
        using var image = Small();

        AnySize.Pad(image, 2, 3).ShouldBeSameAs(image);
        Should.Throw<ArgumentException>(() => AnySize.Pad(image, 1, 3)).Message.ShouldContain("3×2 cannot be padded to 3×1");
        Should.Throw<ArgumentException>(() => AnySize.Pad(image[0], 2, 3)).Message.ShouldContain("[1, 2, 3]");
    }

    [Fact]
    public void Crop_keeps_the_top_left_corner()
    {
        using var image = Small();

        using var cropped = AnySize.Crop(image, 1, 2);

        Values(cropped).ShouldBe(new float[] { 1, 2 });
        Should.Throw<ArgumentException>(() => AnySize.Crop(image, 3, 3)).Message.ShouldContain("3×2 to the larger 3×3");
    }

    [Theory]
    [InlineData(1, 17, 23, PaddingMode.Replicate)]
    [InlineData(3, 31, 9, PaddingMode.Reflect)]
    [InlineData(3, 5, 5, PaddingMode.Replicate)] // below the minimum 8×8
    public void Apply_on_odd_sizes_is_the_network_on_the_padded_image_cropped_back(int channels, int height, int width, PaddingMode mode)
    {
        using var network = ConvNetworks.StridedPair(channels, seed: 3);
        var geometry = ImageGeometry.Free(channels, 2, 8, 8);
        using var images = rand(2, channels, height, width);

        using var output = AnySize.Apply(images, geometry, network.forward, mode);

        output.shape.ShouldBe(images.shape);
        var (paddedHeight, paddedWidth) = geometry.Padded(height, width);
        using var padded = AnySize.Pad(images, paddedHeight, paddedWidth, mode);
        using var whole = network.forward(padded);
        using var expected = AnySize.Crop(whole, height, width);
        ConvNetworks.MaxDifference(output, expected).ShouldBe(0f);
    }

    [Fact]
    public void Apply_on_a_size_the_model_takes_runs_the_network_as_it_is()
    {
        using var network = ConvNetworks.StridedPair(1, seed: 4);
        using var images = rand(1, 1, 8, 12);

        using var output = AnySize.Apply(images, ImageGeometry.Free(1, 2, 2, 2), network.forward);
        using var expected = network.forward(images);

        ConvNetworks.MaxDifference(output, expected).ShouldBe(0f);
    }

    [Fact]
    public void A_fixed_size_model_refuses_another_size_naming_both()
    {
        using var images = zeros(1, 1, 30, 20);
        var called = false;

        var error = Should.Throw<ImageSizeException>(() => AnySize.Apply(images, ImageGeometry.Fixed(1, 28, 28), x => { called = true; return x; }));

        error.Message.ShouldContain("20×30");
        error.Message.ShouldContain("28×28");
        called.ShouldBeFalse();
    }

    [Fact]
    public void Apply_refuses_other_channels_and_a_network_that_changes_the_size()
    {
        var geometry = ImageGeometry.Free(3, 2, 2, 2);
        using var gray = zeros(1, 1, 6, 6);
        using var rgb = zeros(1, 3, 5, 6);

        Should.Throw<ArgumentException>(() => AnySize.Apply(gray, geometry, x => x)).Message.ShouldContain("1 channels but the model takes 3");
        Should.Throw<InvalidOperationException>(() => AnySize.Apply(rgb, geometry, x => x[.., .., ..2, ..2]))
            .Message.ShouldContain("6×6 input into [1, 3, 2, 2]");
    }
}
