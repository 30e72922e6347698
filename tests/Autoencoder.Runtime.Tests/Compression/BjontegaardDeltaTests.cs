using System;
using System.Linq;
using Autoencoder.Runtime.Compression.RateDistortion;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>The Bjøntegaard delta rate against curves whose answer is known exactly.</summary>
public class BjontegaardDeltaTests
{
    // A curve on which PSNR grows by 6 dB per doubling of the rate, bent a little so the fit is not a straight line.
    private static (double Rate, double Psnr)[] Curve(double rateScale, params double[] rates) =>
        rates.Select(r => (r * rateScale, 20 * Math.Log10(r) + 30 + 0.3 * Math.Log10(r) * Math.Log10(r))).ToArray();

    [Fact]
    public void A_curve_against_itself_saves_nothing()
    {
        var curve = Curve(1, 0.1, 0.2, 0.4, 0.8);

        BjontegaardDelta.Rate(curve, curve)!.Value.ShouldBe(0, tolerance: 1e-9);
    }

    [Fact]
    public void Half_the_rate_at_every_psnr_is_minus_fifty_percent_and_twice_is_plus_a_hundred()
    {
        var reference = Curve(1, 0.1, 0.2, 0.4, 0.8);

        BjontegaardDelta.Rate(reference, Curve(0.5, 0.1, 0.2, 0.4, 0.8))!.Value.ShouldBe(-50, tolerance: 1e-6);
        BjontegaardDelta.Rate(reference, Curve(2, 0.1, 0.2, 0.4, 0.8))!.Value.ShouldBe(100, tolerance: 1e-6);
    }

    [Fact]
    public void The_points_need_not_sit_at_the_same_psnr_only_overlap()
    {
        // The same underlying curve sampled at other rates: the fits agree over the common range.
        var reference = Curve(1, 0.1, 0.2, 0.4, 0.8, 1.6);
        var test = Curve(1, 0.15, 0.3, 0.6, 1.2);

        BjontegaardDelta.Rate(reference, test)!.Value.ShouldBe(0, tolerance: 0.5);
    }

    [Fact]
    public void Curves_that_share_no_psnr_or_have_one_point_have_no_delta()
    {
        var low = Curve(1, 0.01, 0.02, 0.04);
        var high = Curve(1, 1, 2, 4);

        BjontegaardDelta.Rate(low, high).ShouldBeNull();
        BjontegaardDelta.Rate(low, [(0.5, 30.0)]).ShouldBeNull();
    }

    [Fact]
    public void A_curve_whose_psnr_falls_as_its_rate_rises_has_no_delta()
    {
        // The kodak entry's under-trained factorised codec: its q3 had more bits and less PSNR than its q4.
        var reference = Curve(1, 0.1, 0.2, 0.4, 0.8);
        var crossing = new[] { (0.329, 23.59), (0.389, 24.16), (0.674, 24.07), (0.596, 25.14) };

        BjontegaardDelta.Rate(reference, crossing).ShouldBeNull();
        BjontegaardDelta.Rate(crossing, reference).ShouldBeNull();
        BjontegaardDelta.Rate(reference, crossing.Where(p => p.Item1 != 0.674).ToArray()).ShouldNotBeNull();
    }
}
