using System;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Features;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class PcaTests
{
    [Fact]
    public void Reconstruction_with_every_component_is_exact()
    {
        using var generator = new Generator(3);
        using var data = rand(new long[] { 50, 2, 3, 2 }, generator: generator);

        using var pca = Pca.Fit(data, componentCount: 12);
        using var reconstructed = pca.Reconstruct(data);

        reconstructed.shape.ShouldBe(new long[] { 50, 2, 3, 2 });
        reconstructed.sub(data).abs().max().item<float>().ShouldBeLessThan(1e-5f);
        pca.MeanSquaredErrorPerSample(data, batchSize: 7).ShouldBeLessThan(1e-9);
    }

    [Fact]
    public void The_first_component_follows_the_direction_of_largest_variance()
    {
        // Points spread along (3, 4)/5 with standard deviation 5, and along the perpendicular with 0.5, around (10, -2).
        using var generator = new Generator(5);
        using var along = randn(new long[] { 2000, 1 }, generator: generator) * 5;
        using var across = randn(new long[] { 2000, 1 }, generator: generator) * 0.5;
        using var direction = tensor(new float[] { 0.6f, 0.8f }).unsqueeze(0);
        using var perpendicular = tensor(new float[] { -0.8f, 0.6f }).unsqueeze(0);
        using var data = along.matmul(direction) + across.matmul(perpendicular) + tensor(new float[] { 10, -2 });

        using var pca = Pca.Fit(data, componentCount: 1);

        var first = pca.Components.data<float>().ToArray();
        first[0].ShouldBe(0.6f, tolerance: 0.01f);
        first[1].ShouldBe(0.8f, tolerance: 0.01f); // sign fixed: the largest entry is positive
        pca.ExplainedVariance[0].ShouldBe(25, tolerance: 2.5);
        var mean = pca.Mean.data<float>().ToArray();
        mean[0].ShouldBe(10f, tolerance: 0.3f);
        mean[1].ShouldBe(-2f, tolerance: 0.3f);
        // What one component leaves is the perpendicular spread: 0.5² per sample.
        pca.MeanSquaredErrorPerSample(data).ShouldBe(0.25, tolerance: 0.03);
    }

    [Fact]
    public void Codes_have_one_column_per_component_and_decode_to_the_reconstruction()
    {
        using var generator = new Generator(9);
        using var data = rand(new long[] { 30, 8 }, generator: generator);
        using var pca = Pca.Fit(data, componentCount: 3);

        using var codes = pca.Project(data);
        using var decoded = pca.Decode(codes);
        using var reconstructed = pca.Reconstruct(data);

        codes.shape.ShouldBe(new long[] { 30, 3 });
        codes.dtype.ShouldBe(ScalarType.Float32);
        decoded.sub(reconstructed).abs().max().item<float>().ShouldBe(0f);
        pca.ExplainedVariance.ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Bad_arguments_are_reported()
    {
        using var data = zeros(10, 4);
        Should.Throw<ArgumentOutOfRangeException>(() => Pca.Fit(data, 5));
        Should.Throw<ArgumentException>(() => Pca.Fit(zeros(1, 4), 1));
        using var pca = Pca.Fit(data, 2);
        Should.Throw<ArgumentException>(() => pca.Project(zeros(3, 5))).Message.ShouldContain("4 features");
    }
}
