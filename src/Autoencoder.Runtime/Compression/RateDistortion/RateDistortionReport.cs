using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Autoencoder.Runtime.IO;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>The files <see cref="RateDistortionReport.WriteAll"/> wrote; <see cref="SsimPlot"/> is null when there is no SSIM.</summary>
public sealed record RateDistortionFiles(string Markdown, string Csv, string Json, string PsnrPlot, string? SsimPlot);

/// <summary>The measured points of a rate–distortion evaluation, and their tables, machine-readable files and plots.</summary>
public sealed class RateDistortionReport
{
    /// <summary>
    /// Creates the report of <paramref name="points"/>, measured on images of <paramref name="channels"/> × <paramref name="height"/>
    /// × <paramref name="width"/>; height and width 0 for images of mixed sizes (see <see cref="PerImageRateDistortion"/>).
    /// </summary>
    public RateDistortionReport(IReadOnlyList<RateDistortionPoint> points, int channels, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0)
            throw new ArgumentException("A report needs at least one point.", nameof(points));
        Points = points;
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>One point per codec setting, in evaluation order.</summary>
    public IReadOnlyList<RateDistortionPoint> Points { get; }

    /// <summary>Channels of the images.</summary>
    public int Channels { get; }

    /// <summary>Height of the images in pixels; 0 for images of mixed sizes.</summary>
    public int Height { get; }

    /// <summary>Width of the images in pixels; 0 for images of mixed sizes.</summary>
    public int Width { get; }

    /// <summary>The images' shape for titles: "3×512×768", or "3 channels, mixed sizes".</summary>
    public string ImageShape => Height > 0 ? $"{Channels}×{Height}×{Width}" : $"{Channels} channel{(Channels == 1 ? "" : "s")}, mixed sizes";

    /// <summary>How many images each setting encoded.</summary>
    public int Images => Points[0].Images;

    /// <summary>The families, in the order their first setting appears.</summary>
    public IReadOnlyList<string> Families => Points.Select(p => p.Family).Distinct().ToArray();

    /// <summary>A Markdown table, one row per setting.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.AppendLine("| Codec | Bytes/image | Bits/image | Bits/pixel | PSNR (dB) | SSIM |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var p in Points)
        {
            var ssim = double.IsNaN(p.MeanSsim) ? "–" : p.MeanSsim.ToString("F4", CultureInfo.InvariantCulture);
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {p.Codec} | {p.MeanBytes:F1} | {p.MeanBits:F0} | {p.BitsPerPixel:F3} | {p.MeanPsnr:F2}{(p.IsLossless ? " (lossless)" : "")} | {ssim} |");
        }

        return text.ToString();
    }

    /// <summary>CSV with a header row; numbers in invariant culture at full precision, no SSIM left empty.</summary>
    public string ToCsv()
    {
        var text = new StringBuilder();
        text.AppendLine("family,codec,images,mean_bytes,mean_bits,bits_per_pixel,psnr_db,ssim");
        foreach (var p in Points)
        {
            text.AppendLine(string.Join(",",
                Quote(p.Family), Quote(p.Codec), p.Images.ToString(CultureInfo.InvariantCulture),
                Number(p.MeanBytes), Number(p.MeanBits), Number(p.BitsPerPixel), Number(p.MeanPsnr),
                double.IsNaN(p.MeanSsim) ? "" : Number(p.MeanSsim)));
        }

        return text.ToString();
    }

    /// <summary>JSON: the image shape and count, then the points; a missing SSIM is null.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteNumber("images", Images);
            json.WriteNumber("channels", Channels);
            json.WriteNumber("height", Height);
            json.WriteNumber("width", Width);
            json.WriteStartArray("points");
            foreach (var p in Points)
            {
                json.WriteStartObject();
                json.WriteString("family", p.Family);
                json.WriteString("codec", p.Codec);
                json.WriteNumber("mean_bytes", p.MeanBytes);
                json.WriteNumber("mean_bits", p.MeanBits);
                json.WriteNumber("bits_per_pixel", p.BitsPerPixel);
                json.WriteNumber("psnr_db", p.MeanPsnr);
                if (double.IsNaN(p.MeanSsim))
                    json.WriteNull("ssim");
                else
                    json.WriteNumber("ssim", p.MeanSsim);
                json.WriteBoolean("lossless", p.IsLossless);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>
    /// Writes <c>rate-distortion.md</c> (the table and, given <paramref name="referenceFamily"/>, bits at matched PSNR),
    /// <c>.csv</c>, <c>.json</c>, and the plots <c>rate-distortion-psnr.png</c> and <c>rate-distortion-ssim.png</c>
    /// into <paramref name="directory"/>, each atomically.
    /// </summary>
    public RateDistortionFiles WriteAll(string directory, string? referenceFamily = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var comparison = referenceFamily is null ? null : MatchedPsnrComparison.Compare(this, referenceFamily);
        string File(string name) => Path.Combine(directory, name);

        var markdown = new StringBuilder();
        markdown.AppendLine("# Rate–distortion");
        markdown.AppendLine();
        markdown.AppendLine(CultureInfo.InvariantCulture,
            $"{Images} images of {ImageShape}. Rate: the mean size of each image's complete file or stream; bits per pixel: the mean over images of each one's bits over its own H·W. PSNR and SSIM: means over images of each image's value (peak 1).");
        markdown.AppendLine();
        markdown.Append(ToMarkdown());
        if (comparison is not null)
        {
            markdown.AppendLine();
            markdown.AppendLine($"## Bits at matched PSNR (reference: {comparison.ReferenceFamily})");
            markdown.AppendLine();
            markdown.Append(comparison.ToMarkdown());
            markdown.AppendLine();
            foreach (var sentence in comparison.Sentences())
                markdown.AppendLine($"- {sentence}");
        }

        var files = new RateDistortionFiles(
            File("rate-distortion.md"), File("rate-distortion.csv"), File("rate-distortion.json"), File("rate-distortion-psnr.png"),
            Points.Any(p => !double.IsNaN(p.MeanSsim)) ? File("rate-distortion-ssim.png") : null);
        AtomicFile.WriteAllBytes(files.Markdown, Encoding.UTF8.GetBytes(markdown.ToString()));
        AtomicFile.WriteAllBytes(files.Csv, Encoding.UTF8.GetBytes(ToCsv()));
        AtomicFile.WriteAllBytes(files.Json, Encoding.UTF8.GetBytes(ToJson()));
        RateDistortionPlot.Save(this, files.PsnrPlot, RateDistortionMetric.Psnr);
        if (files.SsimPlot is not null)
            RateDistortionPlot.Save(this, files.SsimPlot, RateDistortionMetric.Ssim);
        return files;
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Quote(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
