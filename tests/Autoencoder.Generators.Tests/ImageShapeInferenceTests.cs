using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Layers;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>PyTorch's size formulas, one case per term: stride, padding, dilation, groups and output padding.</summary>
/// <remarks>Enums are written as <c>default</c>: the generator compiles its own copy of them, so their names are ambiguous here.</remarks>
public class ImageShapeInferenceTests
{
    [Theory]
    [InlineData(28, 3, 2, 1, 1, 14)] // ⌊(28 + 2 − 2 − 1) / 2⌋ + 1
    [InlineData(14, 3, 2, 1, 1, 7)]
    [InlineData(28, 5, 1, 0, 1, 24)]
    [InlineData(10, 3, 3, 0, 1, 3)] // ⌊7 / 3⌋ + 1: the remainder is dropped
    [InlineData(10, 3, 1, 0, 3, 4)] // dilation 3 spans 7 pixels
    [InlineData(14, 3, 1, 2, 2, 14)] // dilation 2 with padding 2 keeps the size
    [InlineData(5, 5, 1, 0, 1, 1)] // the kernel exactly fits
    public void Conv2d_output_size(int size, int kernel, int stride, int padding, int dilation, int expected)
    {
        var result = ShapeInference.Infer(Conv(8, kernel, stride, padding, dilation), Shape.Of(4, size, size));

        result.Output.ShouldBe(Shape.Of(8, expected, expected));
    }

    [Fact]
    public void Conv2d_handles_height_and_width_separately()
        => ShapeInference.Infer(Conv(2, 3, stride: 2, padding: 1), Shape.Of(1, 10, 6)).Output.ShouldBe(Shape.Of(2, 5, 3));

    [Theory]
    [InlineData(3, 13)]
    [InlineData(4, 13)] // an even kernel: PyTorch pads unevenly, the size still stays
    [InlineData(5, 2)]
    public void Conv2d_same_padding_keeps_the_size(int kernel, int size)
    {
        var conv = Conv(3, kernel) with { SamePadding = true, Dilation = 2 };

        ShapeInference.Infer(conv, Shape.Of(1, size, size)).Output.ShouldBe(Shape.Of(3, size, size));
    }

    [Theory]
    [InlineData(1, false, (3 * 3 * 4 * 8) + 8)]
    [InlineData(1, true, 3 * 3 * 4 * 8)]
    [InlineData(2, false, (3 * 3 * 2 * 8) + 8)]
    [InlineData(4, false, (3 * 3 * 1 * 8) + 8)] // depthwise: one input channel per filter
    public void Conv2d_parameters_divide_input_channels_by_groups(int groups, bool noBias, long expected)
    {
        var conv = Conv(8, 3, padding: 1) with { Groups = groups, Bias = !noBias };

        ShapeInference.Infer(conv, Shape.Of(4, 6, 6)).Parameters.ShouldBe(expected);
    }

    [Theory]
    [InlineData(7, 3, 2, 1, 1, 1, 14)] // (7 − 1)·2 − 2 + 2 + 1 + 1
    [InlineData(7, 3, 2, 1, 0, 1, 13)] // one short without output padding
    [InlineData(14, 3, 2, 1, 1, 1, 28)]
    [InlineData(5, 3, 1, 0, 0, 2, 9)] // dilation 2: (5 − 1) + 4 + 1
    [InlineData(5, 3, 1, 0, 1, 2, 10)] // output padding below the dilation, with stride 1
    [InlineData(4, 4, 2, 1, 0, 1, 8)] // the exact inverse of a 4-kernel, stride-2 convolution
    public void ConvTranspose2d_output_size(int size, int kernel, int stride, int padding, int outputPadding, int dilation, int expected)
    {
        var convT = new ConvTranspose2dSpec(2, kernel, stride, padding, outputPadding, dilation, 1, true, default, 0.01, default, null);

        ShapeInference.Infer(convT, Shape.Of(4, size, size)).Output.ShouldBe(Shape.Of(2, expected, expected));
    }

    [Fact]
    public void ConvTranspose2d_parameters_are_those_of_the_convolution_it_transposes()
    {
        var convT = new ConvTranspose2dSpec(6, 3, 2, 1, 1, 1, 2, true, default, 0.01, default, null);

        // Weight [in, out / groups, k, k] = 4·3·3·3, plus 6 biases.
        ShapeInference.Infer(convT, Shape.Of(4, 7, 7)).Parameters.ShouldBe((4 * 3 * 3 * 3) + 6);
    }

    [Theory]
    [InlineData(28, 2, null, 14)]
    [InlineData(7, 2, null, 3)] // the odd row is dropped
    [InlineData(7, 3, 1, 5)]
    [InlineData(14, 3, 2, 6)]
    public void Pooling_output_size(int size, int kernel, int? stride, int expected)
    {
        foreach (var kind in new[] { PoolKind.Max, PoolKind.Average })
        {
            var result = ShapeInference.Infer(new Pool2dSpec(kind, kernel, stride, null), Shape.Of(3, size, size));

            result.Output.ShouldBe(Shape.Of(3, expected, expected));
            result.Parameters.ShouldBe(0);
        }
    }

    [Fact]
    public void Upsample_multiplies_height_and_width()
        => ShapeInference.Infer(new UpsampleSpec(3, null, null, default, null), Shape.Of(2, 7, 5)).Output.ShouldBe(Shape.Of(2, 21, 15));

    [Fact]
    public void Upsample_to_a_size_takes_that_size()
        => ShapeInference.Infer(new UpsampleSpec(null, 28, 20, default, null), Shape.Of(2, 7, 5)).Output.ShouldBe(Shape.Of(2, 28, 20));

    [Fact]
    public void Upsample_beyond_what_a_dimension_holds_is_a_problem_not_an_overflow()
        => ShapeInference.Infer(new UpsampleSpec(100_000, null, null, default, null), Shape.Of(1, 100_000, 1)).Problem
            .ShouldBe("its output of 10000000000×100000 pixels is more than a dimension can hold");

    [Fact]
    public void Absurd_convolutions_are_problems_not_overflows()
    {
        var wide = new ConvTranspose2dSpec(1, int.MaxValue, int.MaxValue, 0, 1, int.MaxValue, 1, true, default, 0.01, default, null);
        ShapeInference.Infer(wide, Shape.Of(1, int.MaxValue, 1)).Problem.ShouldBe("its output of 9.22E+018×4.61E+018 pixels is more than a dimension can hold");

        var heavy = Conv(int.MaxValue, 1);
        ShapeInference.Infer(heavy, Shape.Of(int.MaxValue, 1, 1)).Problem.ShouldBe("it would have about 4.61E+018 weights, too many to hold");
    }

    [Fact]
    public void Batch_norm_learns_a_scale_and_shift_per_channel_or_feature()
    {
        ShapeInference.Infer(new BatchNormSpec(null), Shape.Of(8, 5, 5)).Parameters.ShouldBe(16);
        ShapeInference.Infer(new BatchNormSpec(null), Shape.Of(32)).Parameters.ShouldBe(64);
        ShapeInference.Infer(new BatchNormSpec(null), Shape.Of(4, 4)).Problem.ShouldBe("batch normalisation needs features [F] or an image [C, H, W], not rank 2");
    }

    [Fact]
    public void Image_layers_need_an_image()
    {
        ShapeInference.Infer(new DropoutSpec(0.1, Channels: true, null), Shape.Of(64)).Problem.ShouldBe("it needs an image [C, H, W]; put [Unflatten(C, H, W)] before it");
        ShapeInference.Infer(new Pool2dSpec(PoolKind.Max, 2, null, null), Shape.Of(2, 8, 8, 8)).Problem.ShouldBe("it needs an image [C, H, W], not rank 4");
    }

    private static Conv2dSpec Conv(int outChannels, int kernel, int stride = 1, int padding = 0, int dilation = 1)
        => new(outChannels, kernel, stride, padding, false, dilation, 1, true, default, 0.01, default, null);
}
