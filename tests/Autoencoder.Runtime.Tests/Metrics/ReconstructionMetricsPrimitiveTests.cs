using System;
using Autoencoder.Runtime.Metrics;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Metrics;

public sealed class ReconstructionMetricsPrimitiveTests
{
    // Two 2-pixel images; squared errors {0, 0.04} and {0.01, 0}, so per-image MSE 0.02 and 0.005.
    private static Tensor A() => tensor(new float[] { 0f, 0.5f, 1f, 1f }, 2, 2);
    private static Tensor B() => tensor(new float[] { 0f, 0.3f, 0.9f, 1f }, 2, 2);

    [Fact]
    public void Mse_is_the_mean_over_all_elements()
    {
        using var a = A();
        using var b = B();
        ReconstructionMetrics.Mse(a, b).ShouldBe(0.0125, tolerance: 1e-7);
    }

    [Fact]
    public void Psnr_is_computed_per_image()
    {
        using var a = A();
        using var b = B();
        var psnr = ReconstructionMetrics.PsnrPerImage(a, b);

        psnr.Length.ShouldBe(2);
        psnr[0].ShouldBe(10 * Math.Log10(1 / 0.02), tolerance: 1e-4);
        psnr[1].ShouldBe(10 * Math.Log10(1 / 0.005), tolerance: 1e-4);
    }

    [Fact]
    public void Psnr_uses_the_peak_value()
    {
        using var a = tensor(new float[] { 0f, 255f }, 1, 2);
        using var b = tensor(new float[] { 0f, 245f }, 1, 2);

        ReconstructionMetrics.PsnrPerImage(a, b, maxValue: 255)[0].ShouldBe(10 * Math.Log10(255.0 * 255 / 50), tolerance: 1e-9);
    }

    [Fact]
    public void Identical_images_get_a_finite_psnr_from_the_mse_floor()
    {
        using var a = A();
        ReconstructionMetrics.PsnrPerImage(a, a).ShouldBe(new[] { 100.0, 100.0 });
    }

    [Fact]
    public void Bce_matches_hand_computed_values()
    {
        using var prediction = tensor(new float[] { 0.5f, 0.8f }, 1, 2);
        using var target = tensor(new float[] { 1f, 0f }, 1, 2);

        ReconstructionMetrics.Bce(prediction, target).ShouldBe((-Math.Log(0.5) - Math.Log(0.2)) / 2, tolerance: 1e-7);
    }

    [Fact]
    public void Bce_clamps_log_at_minus_100_and_keeps_zero_times_log_zero_at_zero()
    {
        using var prediction = tensor(new float[] { 0f, 1f, 0f, 1f }, 2, 2);
        using var target = tensor(new float[] { 1f, 1f, 0f, 0f }, 2, 2);

        // Elements: -log(0)→100, -log(1)=0, -log(1-0)=0, -log(1-1)→100.
        ReconstructionMetrics.Bce(prediction, target).ShouldBe(50.0, tolerance: 1e-12);
    }

    [Fact]
    public void Bce_agrees_with_torch_binary_cross_entropy()
    {
        using var generator = new Generator(3);
        using var prediction = rand(new long[] { 5, 3, 4 }, generator: generator);
        using var target = rand(new long[] { 5, 3, 4 }, generator: generator);
        using var expected = nn.functional.binary_cross_entropy(prediction, target);

        ReconstructionMetrics.Bce(prediction, target).ShouldBe(expected.item<float>(), tolerance: 1e-5);
    }

    [Fact]
    public void Mismatched_shapes_are_rejected_with_both_shapes()
    {
        using var a = zeros(2, 3);
        using var b = zeros(2, 4);

        var error = Should.Throw<ArgumentException>(() => ReconstructionMetrics.Mse(a, b));
        error.Message.ShouldContain("[2, 3]");
        error.Message.ShouldContain("[2, 4]");
    }

    [Fact]
    public void Non_positive_peak_is_rejected()
    {
        using var a = A();
        Should.Throw<ArgumentOutOfRangeException>(() => ReconstructionMetrics.PsnrPerImage(a, a, maxValue: 0));
    }
}
