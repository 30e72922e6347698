using System;
using Autoencoder.Runtime.Models;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Imaging;

/// <summary>What sizes a model takes, and what it pads others to.</summary>
public class ImageGeometryTests
{
    [Theory]
    [InlineData(33, 17, 48, 32)]
    [InlineData(32, 32, 32, 32)]
    [InlineData(1, 1, 32, 32)] // the minimum
    [InlineData(100, 65, 112, 80)]
    public void A_free_model_pads_each_side_up_to_the_multiple_and_the_minimum(long height, long width, long paddedHeight, long paddedWidth)
    {
        var geometry = ImageGeometry.Free(3, 16, 32, 32);

        geometry.Padded(height, width).ShouldBe((paddedHeight, paddedWidth));
        geometry.Takes(paddedHeight, paddedWidth).ShouldBeTrue();
    }

    [Fact]
    public void A_free_model_takes_multiples_from_the_minimum_up_only()
    {
        var geometry = ImageGeometry.Free(1, 8, 16, 24);

        geometry.Takes(16, 24).ShouldBeTrue();
        geometry.Takes(400, 800).ShouldBeTrue();
        geometry.Takes(8, 24).ShouldBeFalse();  // below the minimum height
        geometry.Takes(16, 16).ShouldBeFalse(); // below the minimum width
        geometry.Takes(20, 24).ShouldBeFalse(); // not a multiple
    }

    [Theory]
    [InlineData(20, 0, 32, 16)]
    [InlineData(16, 17, 16, 32)]
    [InlineData(0, 0, 16, 16)]
    public void Minimums_are_rounded_up_to_a_multiple(int minimumHeight, int minimumWidth, int height, int width)
    {
        var geometry = ImageGeometry.Free(3, 16, minimumHeight, minimumWidth);

        geometry.MinimumHeight.ShouldBe(height);
        geometry.MinimumWidth.ShouldBe(width);
        geometry.Takes(height, width).ShouldBeTrue();
    }

    [Fact]
    public void A_fixed_model_takes_its_own_size_and_names_both_sizes_for_another()
    {
        var geometry = ImageGeometry.Fixed(1, 28, 32);

        geometry.Takes(28, 32).ShouldBeTrue();
        geometry.Padded(28, 32).ShouldBe((28L, 32L));
        geometry.Takes(32, 32).ShouldBeFalse();
        var error = Should.Throw<ImageSizeException>(() => geometry.Padded(30, 20));
        error.Message.ShouldContain("20×30");
        error.Message.ShouldContain("32×28");
        (error.Height, error.Width).ShouldBe((30L, 20L));
        error.Geometry.ShouldBe(geometry);
    }

    [Fact]
    public void Of_a_shape_is_fixed_for_an_image_and_null_for_a_vector()
    {
        ImageGeometry.Of([3, 64, 48]).ShouldBe(ImageGeometry.Fixed(3, 64, 48));
        ImageGeometry.Of([784]).ShouldBeNull();
        Should.Throw<ArgumentException>(() => ImageGeometry.Of([3, -1, -1])).Message.ShouldContain("Geometry");
    }

    [Fact]
    public void Sizes_that_cannot_be_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => ImageGeometry.Fixed(3, 0, 28)).ParamName.ShouldBe("height");
        Should.Throw<ArgumentOutOfRangeException>(() => ImageGeometry.Fixed(0, 28, 28)).ParamName.ShouldBe("channels");
        Should.Throw<ArgumentOutOfRangeException>(() => ImageGeometry.Free(3, 0, 16, 16)).ParamName.ShouldBe("sizeMultiple");
        Should.Throw<ArgumentOutOfRangeException>(() => ImageGeometry.Free(3, 16, -1, 16)).ParamName.ShouldBe("minimumHeight");
        Should.Throw<ArgumentOutOfRangeException>(() => ImageGeometry.Free(3, 16, 16, 16).Padded(0, 5)).ParamName.ShouldBe("height");
    }

    [Fact]
    public void ToString_says_what_the_model_takes()
    {
        ImageGeometry.Free(3, 16, 16, 32).ToString().ShouldBe("3×H×W (H and W multiples of 16, at least 16×32)");
        ImageGeometry.Fixed(1, 28, 28).ToString().ShouldBe("1×28×28");
    }
}
