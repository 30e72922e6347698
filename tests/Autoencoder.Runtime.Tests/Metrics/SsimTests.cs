using System;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Metrics;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class SsimTests
{
    [Fact]
    public void Identical_images_score_one()
    {
        using var generator = new Generator(3);
        using var images = rand(new long[] { 2, 3, 16, 16 }, generator: generator);
        Ssim.PerImage(images, images).ShouldAllBe(s => Math.Abs(s - 1) < 1e-12);
    }

    [Fact]
    public void Flat_images_reduce_to_the_luminance_term()
    {
        // No variance anywhere: SSIM = (2·μx·μy + C1) / (μx² + μy² + C1), with C1 = (0.01·1)².
        using var a = full(new long[] { 1, 1, 12, 12 }, 0.5);
        using var b = full(new long[] { 1, 1, 12, 12 }, 0.25);
        const double c1 = 1e-4;
        Ssim.PerImage(a, b)[0].ShouldBe((2 * 0.5 * 0.25 + c1) / (0.25 + 0.0625 + c1), tolerance: 1e-12);
    }

    [Fact]
    public void Matches_a_direct_sum_over_the_window()
    {
        using var generator = new Generator(5);
        using var a = rand(new long[] { 1, 1, 12, 13 }, generator: generator, dtype: ScalarType.Float64);
        using var b = (a + 0.2 * rand(new long[] { 1, 1, 12, 13 }, generator: generator, dtype: ScalarType.Float64)).clamp(0, 1);
        var x = a.data<double>().ToArray();
        var y = b.data<double>().ToArray();
        var w = new double[11];
        for (var i = 0; i < 11; i++) w[i] = Math.Exp(-Math.Pow(i - 5, 2) / (2 * 1.5 * 1.5));
        var norm = 0.0;
        foreach (var v in w) norm += v;

        double sum = 0;
        var positions = 0;
        for (var top = 0; top + 11 <= 12; top++)
            for (var left = 0; left + 11 <= 13; left++)
            {
                double mx = 0, my = 0, xx = 0, yy = 0, xy = 0;
                for (var i = 0; i < 11; i++)
                    for (var j = 0; j < 11; j++)
                    {
                        var weight = w[i] * w[j] / (norm * norm);
                        var p = x[(top + i) * 13 + left + j];
                        var q = y[(top + i) * 13 + left + j];
                        mx += weight * p; my += weight * q; xx += weight * p * p; yy += weight * q * q; xy += weight * p * q;
                    }
                const double c1 = 1e-4, c2 = 9e-4;
                sum += (2 * mx * my + c1) * (2 * (xy - mx * my) + c2) / ((mx * mx + my * my + c1) * (xx - mx * mx + yy - my * my + c2));
                positions++;
            }

        Ssim.PerImage(a, b)[0].ShouldBe(sum / positions, tolerance: 1e-10);
    }

    [Fact]
    public void Noise_lowers_it_and_small_images_are_refused()
    {
        using var generator = new Generator(9);
        using var clean = rand(new long[] { 1, 1, 16, 16 }, generator: generator);
        using var slightly = (clean + 0.05 * randn(new long[] { 1, 1, 16, 16 }, generator: generator)).clamp(0, 1);
        using var heavily = (clean + 0.4 * randn(new long[] { 1, 1, 16, 16 }, generator: generator)).clamp(0, 1);
        Ssim.Mean(clean, heavily).ShouldBeLessThan(Ssim.Mean(clean, slightly));

        using var tiny = zeros(1, 1, 8, 8);
        Should.Throw<ArgumentException>(() => Ssim.PerImage(tiny, tiny)).Message.ShouldContain("11×11");
    }
}
