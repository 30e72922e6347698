using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The standard normal's upper tail Q(x) = P(X &gt; x) in double arithmetic written out here (.NET has no erfc), so a coding
/// table built from it depends on nothing but IEEE additions, multiplications, divisions and <see cref="Math.Exp(double)"/>.
/// </summary>
internal static class NormalDistribution
{
    private static readonly double InverseSqrtPi = 1 / Math.Sqrt(Math.PI);

    /// <summary>Q(<paramref name="x"/>) = ½ erfc(x / √2), accurate to about 1e-15 relative where it matters.</summary>
    public static double UpperTail(double x) => 0.5 * Erfc(x / Math.Sqrt(2));

    /// <summary>erfc(<paramref name="z"/>): the Maclaurin series of erf below 2, a continued fraction above.</summary>
    public static double Erfc(double z)
    {
        if (double.IsNaN(z))
            return double.NaN;
        if (z < 0)
            return 2 - Erfc(-z);
        if (z < 2)
            return 1 - ErfSeries(z);
        return ErfcContinuedFraction(z);
    }

    // erf(z) = 2/√π Σ (−1)ⁿ z²ⁿ⁺¹ / (n! (2n + 1)); for z < 2 the terms fall below 1e-17 of the sum within 60 terms.
    private static double ErfSeries(double z)
    {
        double term = z, sum = z, square = z * z;
        for (var n = 1; n < 100; n++)
        {
            term *= -square / n;
            var next = term / (2 * n + 1);
            sum += next;
            if (Math.Abs(next) < 1e-17 * Math.Abs(sum))
                break;
        }

        return 2 * InverseSqrtPi * sum;
    }

    // erfc(z) = e^(−z²)/√π · 1/(z + (1/2)/(z + 1/(z + (3/2)/(z + 2/(z + …))))), evaluated bottom-up with a fixed depth:
    // for z ≥ 2 sixty levels are exact to double precision.
    private static double ErfcContinuedFraction(double z)
    {
        var tail = z;
        for (var k = 60; k >= 1; k--)
            tail = z + k / 2.0 / tail;
        return Math.Exp(-z * z) * InverseSqrtPi / tail;
    }
}
