using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>What another family needs at one PSNR: its bits (null when the PSNR is outside its curve) and their ratio to the reference's.</summary>
public sealed record MatchedBits(string Family, double? Bits, double? Ratio);

/// <summary>One setting of the reference family and, at its PSNR, the bits each other family needs.</summary>
public sealed record MatchedPsnrRow(string ReferenceCodec, double Psnr, double ReferenceBits, IReadOnlyList<MatchedBits> Others);

/// <summary>
/// "Bits at matched PSNR": for every setting of a reference family (the learned codec), the bits each other family needs
/// for the same mean PSNR, read off its <see cref="RateDistortionCurve"/> (interpolated, never extrapolated).
/// A ratio above 1 means the other family needs more bits than the reference.
/// </summary>
public sealed class MatchedPsnrComparison
{
    private MatchedPsnrComparison(string referenceFamily, IReadOnlyList<string> families, IReadOnlyList<MatchedPsnrRow> rows)
    {
        ReferenceFamily = referenceFamily;
        Families = families;
        Rows = rows;
    }

    /// <summary>The family whose settings set the PSNRs.</summary>
    public string ReferenceFamily { get; }

    /// <summary>The families compared with it, in report order.</summary>
    public IReadOnlyList<string> Families { get; }

    /// <summary>One row per setting of the reference family, by increasing PSNR.</summary>
    public IReadOnlyList<MatchedPsnrRow> Rows { get; }

    /// <summary>
    /// Compares <paramref name="referenceFamily"/> with <paramref name="against"/>, by default every other family that
    /// has a lossy setting (a lossless format such as PNG sits at one PSNR, the cap, and matches nothing).
    /// </summary>
    public static MatchedPsnrComparison Compare(RateDistortionReport report, string referenceFamily, IEnumerable<string>? against = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrEmpty(referenceFamily);
        var reference = report.Points.Where(p => p.Family == referenceFamily).OrderBy(p => p.MeanPsnr).ToArray();
        if (reference.Length == 0)
            throw new ArgumentException($"The report has no codec of family '{referenceFamily}'; it has {string.Join(", ", report.Families)}.", nameof(referenceFamily));

        var families = (against?.ToArray() ?? report.Families
                .Where(f => f != referenceFamily && report.Points.Any(p => p.Family == f && !p.IsLossless))
                .ToArray());
        var curves = families.Select(f => RateDistortionCurve.Of(report, f)).ToArray();
        var rows = reference.Select(point => new MatchedPsnrRow(
                point.Codec,
                point.MeanPsnr,
                point.MeanBits,
                curves.Select(curve => curve.BitsAt(point.MeanPsnr) is { } bits
                        ? new MatchedBits(curve.Family, bits, bits / point.MeanBits)
                        : new MatchedBits(curve.Family, null, null))
                    .ToArray()))
            .ToArray();
        return new MatchedPsnrComparison(referenceFamily, families, rows);
    }

    /// <summary>A Markdown table: PSNR, the reference setting and its bits, then each family's bits and ratio.</summary>
    public string ToMarkdown()
    {
        var text = new StringBuilder();
        text.Append($"| PSNR (dB) | {ReferenceFamily} setting | {ReferenceFamily} bits/image |");
        foreach (var family in Families)
            text.Append($" {family} bits/image (× {ReferenceFamily}) |");
        text.AppendLine();
        text.Append("|---:|---|---:|");
        foreach (var _ in Families)
            text.Append("---:|");
        text.AppendLine();
        foreach (var row in Rows)
        {
            text.Append(CultureInfo.InvariantCulture, $"| {row.Psnr:F2} | {row.ReferenceCodec} | {row.ReferenceBits:F0} |");
            foreach (var other in row.Others)
                text.Append($" {Cell(other)} |");
            text.AppendLine();
        }

        return text.ToString();
    }

    /// <summary>One sentence per row: <c>at PSNR 24.10 dB: learned 312 bits, JPEG 2480 bits (×7.95), WebP out of range</c>.</summary>
    public IReadOnlyList<string> Sentences() => Rows
        .Select(row => string.Create(CultureInfo.InvariantCulture, $"at PSNR {row.Psnr:F2} dB: {ReferenceFamily} {row.ReferenceBits:F0} bits")
            + string.Concat(row.Others.Select(o => $", {o.Family} {Cell(o, unit: " bits")}")))
        .ToArray();

    private static string Cell(MatchedBits other, string unit = "") => other.Bits is { } bits
        ? string.Create(CultureInfo.InvariantCulture, $"{bits:F0}{unit} (×{other.Ratio:F2})")
        : "out of range";
}
