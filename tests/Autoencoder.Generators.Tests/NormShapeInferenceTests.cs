using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Layers;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>Normalisation keeps the shape; LayerNorm learns two numbers per element, GroupNorm two per channel.</summary>
public class NormShapeInferenceTests
{
    [Theory]
    [InlineData(new[] { 32 }, 64)]
    [InlineData(new[] { 8, 5, 5 }, 400)]
    [InlineData(new[] { 4, 6 }, 48)] // any shape: the sample is normalised as a whole
    public void Layer_norm_keeps_the_shape_and_learns_a_scale_and_shift_per_element(int[] dimensions, long parameters)
    {
        var result = ShapeInference.Infer(new LayerNormSpec(1e-5, null), Shape.Of(dimensions));

        result.Output.ShouldBe(Shape.Of(dimensions));
        result.Parameters.ShouldBe(parameters);
    }

    [Theory]
    [InlineData(new[] { 8, 5, 5 }, 4, 16)]
    [InlineData(new[] { 8, 5, 5 }, 8, 16)] // instance normalisation
    [InlineData(new[] { 8, 5, 5 }, 1, 16)]
    [InlineData(new[] { 12 }, 3, 24)] // features are channels
    public void Group_norm_keeps_the_shape_and_learns_a_scale_and_shift_per_channel(int[] dimensions, int groups, long parameters)
    {
        var result = ShapeInference.Infer(new GroupNormSpec(groups, 1e-5, null), Shape.Of(dimensions));

        result.Output.ShouldBe(Shape.Of(dimensions));
        result.Parameters.ShouldBe(parameters);
    }

    [Fact]
    public void Group_norm_needs_groups_that_divide_the_channels()
    {
        ShapeInference.Infer(new GroupNormSpec(3, 1e-5, null), Shape.Of(8, 4, 4)).Problem.ShouldBe("its 8 channels are not divisible by its 3 groups");
        ShapeInference.Infer(new GroupNormSpec(5, 1e-5, null), Shape.Of(12)).Problem.ShouldBe("its 12 features are not divisible by its 5 groups");
    }

    [Fact]
    public void Absurd_layer_norm_is_a_problem_not_an_overflow()
        => ShapeInference.Infer(new LayerNormSpec(1e-5, null), Shape.Of(int.MaxValue, int.MaxValue, int.MaxValue)).Problem
            .ShouldBe("it would have about 1.84E+019 parameters, too many to hold");
}
