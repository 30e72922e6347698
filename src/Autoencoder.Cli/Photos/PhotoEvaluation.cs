using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Compression.RateDistortion;
using Autoencoder.Runtime.IO;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// <c>evaluate</c> on photos of mixed sizes, with a codec of free size: every codec setting on every photo at its own size,
/// bits per pixel of each photo's own width × height, means over photos (the protocol of learned-compression papers on Kodak).
/// Adds <c>per-image.csv</c> beside the usual report files.
/// </summary>
internal static class PhotoEvaluation
{
    public static int Run(CliContext context, IReadOnlyList<RateDistortionEntry> entries, PhotoInput photos, string directory, string family)
    {
        context.Out.WriteLine($"Measuring {entries.Count} codec setting(s) on {photos.Description}, each at its own size…");
        var names = photos.Paths.Select(Path.GetFileName).ToList();
        var result = PerImageRateDistortion.Evaluate(entries, names!, photos.Load, photos.Channels, new RateDistortionProgressLog(context.Out, "  "));
        var report = result.Report;
        var files = report.WriteAll(directory, entries.Count > 1 ? family : null);
        var perImage = Path.Combine(directory, "per-image.csv");
        AtomicFile.WriteAllBytes(perImage, System.Text.Encoding.UTF8.GetBytes(result.ToCsv()));

        context.Out.WriteLine();
        foreach (var row in result.Images.Where(r => r.Codec == entries[0].Codec.Name))
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {row.Image} ({row.Width}×{row.Height}): {row.Bytes} bytes, {row.BitsPerPixel:F4} bpp, PSNR {row.Psnr:F2} dB"));
        }

        context.Out.WriteLine();
        context.Out.Write(report.ToMarkdown());
        if (entries.Count > 1)
        {
            context.Out.WriteLine();
            foreach (var sentence in MatchedPsnrComparison.Compare(report, family).Sentences())
                context.Out.WriteLine(sentence);
        }

        context.Out.WriteLine();
        context.Out.WriteLine($"Wrote {files.Markdown}, {files.Csv}, {files.Json}, {perImage} and {files.PsnrPlot}.");
        return CliApp.Ok;
    }
}
