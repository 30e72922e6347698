using System;
using System.Linq;
using Autoencoder.Runtime.Compression.RateDistortion;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Compression;

public sealed class RateDistortionCurveTests
{
    [Fact]
    public void Interpolation_is_exact_at_the_points_and_linear_in_log_bits_between_them()
    {
        var curve = RateDistortionCurve.Of("JPEG", [new(1000, 20), new(4000, 30), new(16000, 36)]);

        curve.BitsAt(20).ShouldBe(1000);
        curve.BitsAt(30).ShouldBe(4000);
        curve.BitsAt(36).ShouldBe(16000);
        curve.BitsAt(25)!.Value.ShouldBe(2000, tolerance: 1e-9); // halfway in PSNR: the geometric mean of 1000 and 4000
        curve.BitsAt(33)!.Value.ShouldBe(8000, tolerance: 1e-9);
        curve.BitsAt(22.5)!.Value.ShouldBe(1000 * Math.Sqrt(2), tolerance: 1e-9);
    }

    [Fact]
    public void Outside_the_curve_is_out_of_range_never_extrapolated()
    {
        var curve = RateDistortionCurve.Of("WebP", [new(1000, 20), new(4000, 30)]);

        curve.BitsAt(19.999).ShouldBeNull();
        curve.BitsAt(30.001).ShouldBeNull();
        curve.BitsAt(double.NaN).ShouldBeNull();
        RateDistortionCurve.Of("PNG", [new(2000, 100)]).BitsAt(99).ShouldBeNull();
    }

    [Fact]
    public void Settings_beaten_by_a_cheaper_one_are_left_out()
    {
        // q=95 costs more than q=90 for less PSNR; the 1500-bit point is beaten by the 1200-bit one.
        var curve = RateDistortionCurve.Of("JPEG",
            [new(4000, 30), new(1000, 20), new(1500, 21), new(1200, 22), new(5000, 29), new(8000, 34)]);

        curve.Points.ShouldBe([new RatePsnr(1000, 20), new RatePsnr(1200, 22), new RatePsnr(4000, 30), new RatePsnr(8000, 34)]);
        curve.BitsAt(21)!.Value.ShouldBe(Math.Sqrt(1000 * 1200), tolerance: 1e-9);
    }

    [Fact]
    public void The_comparison_reads_each_family_at_the_reference_psnrs()
    {
        var report = new RateDistortionReport(
            [
                Point("learned", "learned λ=0.1", 500, 25),
                Point("learned", "learned λ=0.01", 1000, 40),
                Point("JPEG", "JPEG q=10", 1000, 20),
                Point("JPEG", "JPEG q=50", 4000, 30),
                Point("WebP", "WebP q=10", 800, 22),
                Point("WebP", "WebP q=90", 3200, 42),
                Point("PNG", "PNG", 3000, RateDistortionEvaluator.LosslessPsnr),
            ],
            channels: 1, height: 28, width: 28);

        var comparison = MatchedPsnrComparison.Compare(report, "learned");

        comparison.Families.ShouldBe(["JPEG", "WebP"]);
        comparison.Rows.Select(r => r.ReferenceCodec).ShouldBe(["learned λ=0.1", "learned λ=0.01"]);
        var first = comparison.Rows[0];
        first.Others[0].Bits!.Value.ShouldBe(2000, tolerance: 1e-9);
        first.Others[0].Ratio!.Value.ShouldBe(4, tolerance: 1e-12);
        first.Others[1].Bits!.Value.ShouldBe(800 * Math.Pow(4, 0.15), tolerance: 1e-9);
        comparison.Rows[1].Others[0].ShouldBe(new MatchedBits("JPEG", null, null));
        comparison.Rows[1].Others[1].Bits!.Value.ShouldBe(800 * Math.Pow(4, 0.9), tolerance: 1e-9);
        comparison.Sentences()[0].ShouldBe("at PSNR 25.00 dB: learned 500 bits, JPEG 2000 bits (×4.00), WebP 985 bits (×1.97)");
        comparison.Sentences()[1].ShouldStartWith("at PSNR 40.00 dB: learned 1000 bits, JPEG out of range, WebP ");
        comparison.ToMarkdown().ShouldContain("| 40.00 | learned λ=0.01 | 1000 | out of range |");
        Should.Throw<ArgumentException>(() => MatchedPsnrComparison.Compare(report, "AVIF")).Message
            .ShouldStartWith("The report has no codec of family 'AVIF'; it has learned, JPEG, WebP, PNG.");
    }

    private static RateDistortionPoint Point(string family, string codec, double bits, double psnr) =>
        new(family, codec, Images: 10, MeanBytes: bits / 8, BitsPerPixel: bits / 784, psnr, MeanSsim: 0.9);
}
