using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>
/// The Bjøntegaard delta rate (VCEG-M33, 2001), the figure codec papers summarise a rate–distortion curve with: the mean
/// difference in rate between two curves at equal PSNR, over the PSNR range both cover. Each curve's log rate is fitted
/// as a polynomial in PSNR (cubic from four points, of lower degree through fewer), both fits are integrated over the
/// common range, and the mean log difference is turned back into a percentage: −30 % means the test codec needs 30 %
/// fewer bits than the reference for the same PSNR.
/// </summary>
public static class BjontegaardDelta
{
    /// <summary>
    /// The BD-rate of <paramref name="test"/> against <paramref name="reference"/>, in percent; null when either curve has
    /// fewer than two distinct points, is not a rate–distortion curve (PSNR must rise with the rate: a setting with more
    /// bits and less PSNR than another makes the fit of log rate against PSNR meaningless), or the two cover no common
    /// PSNR range.
    /// </summary>
    /// <param name="reference">The anchor's (rate, PSNR) points: any positive rate unit (bits per pixel, bytes), the same for both.</param>
    /// <param name="test">The compared codec's points.</param>
    public static double? Rate(IReadOnlyList<(double Rate, double Psnr)> reference, IReadOnlyList<(double Rate, double Psnr)> test)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(test);
        var a = Usable(reference);
        var b = Usable(test);
        if (a.Length < 2 || b.Length < 2 || !Increasing(a) || !Increasing(b))
            return null;
        double low = Math.Max(a.Min(p => p.Psnr), b.Min(p => p.Psnr));
        double high = Math.Min(a.Max(p => p.Psnr), b.Max(p => p.Psnr));
        if (!(high > low))
            return null;

        var fitA = Fit(a);
        var fitB = Fit(b);
        var meanDifference = (Integral(fitB, low, high) - Integral(fitA, low, high)) / (high - low);
        return (Math.Pow(10, meanDifference) - 1) * 100;
    }

    // Ordered by rate, each point has more PSNR than the one before.
    private static bool Increasing((double Rate, double Psnr)[] points)
    {
        var ordered = points.OrderBy(p => p.Rate).ToArray();
        return ordered.Zip(ordered.Skip(1)).All(pair => pair.Second.Rate > pair.First.Rate && pair.Second.Psnr > pair.First.Psnr);
    }

    // Finite points with a positive rate, one per PSNR (a repeated PSNR would make the fit singular).
    private static (double Rate, double Psnr)[] Usable(IReadOnlyList<(double Rate, double Psnr)> points) => points
        .Where(p => p.Rate > 0 && double.IsFinite(p.Rate) && double.IsFinite(p.Psnr))
        .GroupBy(p => p.Psnr)
        .Select(g => g.First())
        .ToArray();

    // Least-squares coefficients c0 + c1·x + c2·x² + c3·x³ of log10(rate) against PSNR, of degree min(3, n − 1).
    private static double[] Fit((double Rate, double Psnr)[] points)
    {
        var degree = Math.Min(3, points.Length - 1);
        var size = degree + 1;
        // Normal equations in a PSNR shifted to its mean, which keeps them well conditioned at 30-40 dB.
        var shift = points.Average(p => p.Psnr);
        var matrix = new double[size, size + 1];
        foreach (var (rate, psnr) in points)
        {
            var x = psnr - shift;
            var y = Math.Log10(rate);
            for (var row = 0; row < size; row++)
            {
                for (var column = 0; column < size; column++)
                    matrix[row, column] += Math.Pow(x, row + column);
                matrix[row, size] += Math.Pow(x, row) * y;
            }
        }

        var solution = Solve(matrix, size);
        return [shift, .. solution];
    }

    // Gaussian elimination with partial pivoting on the augmented matrix [A | b].
    private static double[] Solve(double[,] m, int n)
    {
        for (var column = 0; column < n; column++)
        {
            var pivot = Enumerable.Range(column, n - column).MaxBy(row => Math.Abs(m[row, column]));
            for (var k = 0; k <= n; k++)
                (m[column, k], m[pivot, k]) = (m[pivot, k], m[column, k]);
            for (var row = 0; row < n; row++)
            {
                if (row == column || m[row, column] == 0)
                    continue;
                var factor = m[row, column] / m[column, column];
                for (var k = column; k <= n; k++)
                    m[row, k] -= factor * m[column, k];
            }
        }

        return Enumerable.Range(0, n).Select(i => m[i, n] / m[i, i]).ToArray();
    }

    // ∫ from low to high of the fitted polynomial; fit[0] is the shift, fit[1..] the coefficients in the shifted PSNR.
    private static double Integral(double[] fit, double low, double high)
    {
        double Antiderivative(double psnr)
        {
            var x = psnr - fit[0];
            double sum = 0;
            for (var power = 0; power < fit.Length - 1; power++)
                sum += fit[power + 1] * Math.Pow(x, power + 1) / (power + 1);
            return sum;
        }

        return Antiderivative(high) - Antiderivative(low);
    }
}
