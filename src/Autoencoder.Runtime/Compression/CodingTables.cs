using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Turns each channel's learned density into the integer table the range coder uses: the integers that carry all but a
/// negligible share of the mass get their own symbol, everything beyond goes through the escape.
/// </summary>
internal static class CodingTables
{
    /// <summary>The mass left outside a table on each side: so small that escapes almost never happen, while the
    /// table stays a few dozen symbols for a trained density (about ±14 scales of a logistic).</summary>
    internal const double TailMass = 1.0 / (1 << 20);

    /// <summary>A table never spans more integers than this; a density wider than that (an untrained one far
    /// off) is covered around its median and the rest escapes.</summary>
    internal const int MaxValues = 4096;

    // Bisection brackets: far beyond any code a float32 encoder produces in practice, still exact in double.
    private const double SearchBound = 1L << 50;

    /// <summary>One table per channel, in channel order.</summary>
    public static IntegerTable[] Build(ChannelDensity[] densities)
    {
        var tables = new IntegerTable[densities.Length];
        for (var c = 0; c < densities.Length; c++)
        {
            tables[c] = Build(densities[c]);
        }

        return tables;
    }

    /// <summary>The table of one channel.</summary>
    public static IntegerTable Build(ChannelDensity density)
    {
        var tailLogit = Math.Log(TailMass / (1 - TailMass));
        // c(lo − ½) ≤ tail and c(hi + ½) ≥ 1 − tail: the integers in [lo, hi] hold all but 2·tail of the mass.
        var lo = (long)Math.Floor(Solve(density, tailLogit) + 0.5);
        // A very narrow density can put both bisections on one half-integer: keep at least one value.
        var hi = Math.Max(lo, (long)Math.Ceiling(Solve(density, -tailLogit) - 0.5));
        if (hi - lo + 1 > MaxValues)
        {
            lo = (long)Math.Round(Solve(density, 0)) - MaxValues / 2;
            hi = lo + MaxValues - 1;
        }

        var count = (int)(hi - lo + 1);
        var logits = new double[count + 1];
        for (var k = 0; k <= count; k++)
        {
            logits[k] = density.Logit(lo + k - 0.5);
        }

        var masses = new double[count + 1];
        for (var k = 0; k < count; k++)
        {
            masses[k] = ChannelDensity.Mass(logits[k], logits[k + 1]);
        }

        masses[count] = ChannelDensity.Sigmoid(logits[0]) + ChannelDensity.Sigmoid(-logits[count]);
        return new IntegerTable(lo, FrequencyTable.FromProbabilities(masses));
    }

    // The x where the increasing logit reaches target, by bisection (clamped to the search bounds).
    private static double Solve(ChannelDensity density, double target)
    {
        double low = -SearchBound, high = SearchBound;
        if (density.Logit(low) >= target)
        {
            return low;
        }

        if (density.Logit(high) <= target)
        {
            return high;
        }

        for (var i = 0; i < 100 && high - low > 1e-6; i++)
        {
            var middle = 0.5 * (low + high);
            if (density.Logit(middle) < target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return 0.5 * (low + high);
    }
}
