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
/// Plots bits per image against PSNR or SSIM with ScottPlot: one line per codec family through its settings by
/// increasing bits. A lossless family (its PSNR is only the cap) is a dashed vertical line at its rate instead, so that
/// the cap does not squash the lossy curves.
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
        foreach (var family in report.Families)
        {
            var points = report.Points.Where(p => p.Family == family).OrderBy(p => p.MeanBits).ToArray();
            if (points.All(p => p.IsLossless))
            {
                var line = plot.Add.VerticalLine(points.Average(p => p.MeanBits));
                line.LinePattern = LinePattern.Dashed;
                line.LegendText = string.Create(CultureInfo.InvariantCulture, $"{family} (lossless, {points.Average(p => p.MeanBits):F0} bits)");
                continue;
            }

            var lossy = points.Where(p => !p.IsLossless).ToArray();
            var ys = lossy.Select(p => metric == RateDistortionMetric.Psnr ? p.MeanPsnr : p.MeanSsim).ToArray();
            var scatter = plot.Add.Scatter(lossy.Select(p => p.MeanBits).ToArray(), ys);
            scatter.LegendText = family;
            scatter.MarkerSize = 6;
        }

        plot.Title(string.Create(CultureInfo.InvariantCulture,
            $"Rate-distortion, {report.Images} images of {report.ImageShape.Replace('×', 'x')}"));
        plot.XLabel("bits per image (complete file)");
        plot.YLabel(metric == RateDistortionMetric.Psnr ? "PSNR (dB)" : "SSIM");
        plot.ShowLegend(Alignment.LowerRight);
        AtomicFile.WriteAllBytes(path, plot.GetImageBytes(width, height, ImageFormat.Png));
    }
}
