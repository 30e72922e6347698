using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>One point of a curve: mean bits per image and mean PSNR in dB.</summary>
public readonly record struct RatePsnr(double Bits, double Psnr);

/// <summary>
/// A codec family's rate–PSNR curve, for reading off the bits it needs at a given PSNR. Only the settings no other
/// setting beats (fewer or equal bits for higher PSNR) are kept, so the curve rises strictly in both bits and PSNR;
/// between them it is piecewise linear in log(bits) against PSNR, the usual reading of rate–distortion curves
/// (PSNR grows roughly with the logarithm of the rate).
/// </summary>
public sealed class RateDistortionCurve
{
    private RateDistortionCurve(string family, RatePsnr[] frontier)
    {
        Family = family;
        Points = frontier;
    }

    /// <summary>The family: <c>JPEG</c>, <c>WebP</c>, <c>learned</c>.</summary>
    public string Family { get; }

    /// <summary>The kept settings, by increasing bits (and so increasing PSNR).</summary>
    public IReadOnlyList<RatePsnr> Points { get; }

    /// <summary>The lowest PSNR the curve reaches.</summary>
    public double MinPsnr => Points[0].Psnr;

    /// <summary>The highest PSNR the curve reaches.</summary>
    public double MaxPsnr => Points[^1].Psnr;

    /// <summary>The curve through <paramref name="points"/> (at least one, all finite with positive bits).</summary>
    public static RateDistortionCurve Of(string family, IEnumerable<RatePsnr> points)
    {
        ArgumentException.ThrowIfNullOrEmpty(family);
        ArgumentNullException.ThrowIfNull(points);
        var all = points.ToArray();
        if (all.Length == 0)
            throw new ArgumentException($"The {family} curve has no point.", nameof(points));
        if (all.Any(p => !(p.Bits > 0) || double.IsInfinity(p.Bits) || !double.IsFinite(p.Psnr)))
            throw new ArgumentException($"The {family} curve has a point with non-positive or non-finite bits, or a non-finite PSNR.", nameof(points));

        var frontier = new List<RatePsnr>();
        foreach (var point in all.OrderBy(p => p.Bits).ThenByDescending(p => p.Psnr))
        {
            if (frontier.Count == 0 || point.Psnr > frontier[^1].Psnr)
                frontier.Add(point);
        }

        return new RateDistortionCurve(family, frontier.ToArray());
    }

    /// <summary>The curve of <paramref name="family"/>'s points in <paramref name="report"/>.</summary>
    public static RateDistortionCurve Of(RateDistortionReport report, string family)
    {
        ArgumentNullException.ThrowIfNull(report);
        var points = report.Points.Where(p => p.Family == family).Select(p => new RatePsnr(p.MeanBits, p.MeanPsnr)).ToArray();
        if (points.Length == 0)
            throw new ArgumentException($"The report has no codec of family '{family}'; it has {string.Join(", ", report.Families)}.", nameof(family));
        return Of(family, points);
    }

    /// <summary>
    /// The bits this family needs for <paramref name="psnr"/>, interpolated between the two settings around it;
    /// null when <paramref name="psnr"/> lies outside [<see cref="MinPsnr"/>, <see cref="MaxPsnr"/>] — never extrapolated.
    /// </summary>
    public double? BitsAt(double psnr)
    {
        if (!(psnr >= MinPsnr && psnr <= MaxPsnr))
            return null;
        for (var i = 0; i < Points.Count; i++)
        {
            if (Points[i].Psnr == psnr)
                return Points[i].Bits;
            if (Points[i].Psnr > psnr)
            {
                var (low, high) = (Points[i - 1], Points[i]);
                var t = (psnr - low.Psnr) / (high.Psnr - low.Psnr);
                return Math.Exp(Math.Log(low.Bits) + t * (Math.Log(high.Bits) - Math.Log(low.Bits)));
            }
        }

        return null; // unreachable: psnr <= MaxPsnr
    }
}
