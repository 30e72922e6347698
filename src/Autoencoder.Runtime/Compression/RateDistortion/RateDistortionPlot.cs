using System;
using System.Globalization;
using System.Linq;
using Autoencoder.Runtime.IO;
using ScottPlot;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>The distortion measure on a plot's vertical axis.</summary>
public enum RateDistortionMetric
{
    /// <summary>Mean PSNR in dB.</summary>
    Psnr,

    /// <summary>Mean SSIM.</summary>
    Ssim,
}

/// <summary>
/// Plots the rate against PSNR or SSIM with ScottPlot: one line per codec family through its settings by increasing
/// rate. The rate is bits per image for images of one size, and bits per pixel (each image's bits over its own H·W,
/// averaged) for photos of mixed sizes, as papers plot Kodak. A lossless family (its PSNR is only the cap) is a dashed
/// vertical line at its rate instead, so that the cap does not squash the lossy curves.
/// </summary>
public static class RateDistortionPlot
{
    /// <summary>Writes the plot of <paramref name="report"/> as a PNG (atomically).</summary>
    public static void Save(RateDistortionReport report, string path, RateDistortionMetric metric, int width = 900, int height = 600)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 100);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 100);

        using var plot = new Plot();
        var perPixel = report.Height == 0;
        double Rate(RateDistortionPoint p) => perPixel ? p.BitsPerPixel : p.MeanBits;
        foreach (var family in report.Families)
        {
            var points = report.Points.Where(p => p.Family == family).OrderBy(Rate).ToArray();
            if (points.All(p => p.IsLossless))
            {
                var line = plot.Add.VerticalLine(points.Average(Rate));
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = perPixel
                    ? string.Create(CultureInfo.InvariantCulture, $"{family} (lossless, {points.Average(Rate):F2} bpp)")
                    : string.Create(CultureInfo.InvariantCulture, $"{family} (lossless, {points.Average(Rate):F0} bits)");
                continue;
            }

            var lossy = points.Where(p => !p.IsLossless).ToArray();
            var ys = lossy.Select(p => metric == RateDistortionMetric.Psnr ? p.MeanPsnr : p.MeanSsim).ToArray();
            var scatter = plot.Add.Scatter(lossy.Select(Rate).ToArray(), ys);
            scatter.LegendText = family;
            scatter.MarkerSize = 6;
        }

        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"Rate-distortion, {report.Images} images of {report.ImageShape.Replace('×', 'x')}"));
        plot.XLabel(perPixel ? "bits per pixel (complete file)" : "bits per image (complete file)");
        plot.YLabel(metric == RateDistortionMetric.Psnr ? "PSNR (dB)" : "SSIM");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
