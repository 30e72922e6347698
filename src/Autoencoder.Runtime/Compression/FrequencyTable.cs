using System;
using System.Collections.Generic;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Integer frequencies of the symbols 0 … n−1 of one alphabet, summing to exactly 2^<see cref="PrecisionBits"/>, each at
/// least 1 so that every symbol stays codable. The range coder codes symbol s as the slice [start(s), start(s) + freq(s)).
/// </summary>
internal sealed class FrequencyTable
{
    /// <summary>Frequencies are out of 2^16: fine enough for probabilities down to 1.5·10⁻⁵, coarse enough that the
    /// coder's range (at least 2^24 after normalisation) always leaves a slice of at least 2^8 per unit of frequency.</summary>
    public const int PrecisionBits = 16;

    /// <summary>The sum of every table's frequencies.</summary>
    public const uint Total = 1u << PrecisionBits;

    private readonly uint[] _starts;

    /// <summary>Creates the table from explicit frequencies.</summary>
    /// <exception cref="ArgumentException">A frequency is 0, or they do not sum to <see cref="Total"/>.</exception>
    public FrequencyTable(IReadOnlyList<uint> frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        if (frequencies.Count == 0 || frequencies.Count > Total)
        {
            throw new ArgumentException($"A table has 1 to {Total} symbols, not {frequencies.Count}.", nameof(frequencies));
        }

        _starts = new uint[frequencies.Count + 1];
        ulong sum = 0;
        for (var s = 0; s < frequencies.Count; s++)
        {
            if (frequencies[s] == 0)
            {
                throw new ArgumentException($"Symbol {s} has frequency 0: every symbol needs at least 1 to stay codable.", nameof(frequencies));
            }

            sum += frequencies[s];
            if (sum > Total)
            {
                break;
            }

            _starts[s + 1] = (uint)sum;
        }

        if (sum != Total)
        {
            throw new ArgumentException($"The frequencies sum to {sum}, not {Total}.", nameof(frequencies));
        }
    }

    /// <summary>Number of symbols.</summary>
    public int SymbolCount => _starts.Length - 1;

    /// <summary>Where symbol <paramref name="symbol"/>'s slice starts.</summary>
    public uint Start(int symbol) => _starts[symbol];

    /// <summary>The width of symbol <paramref name="symbol"/>'s slice.</summary>
    public uint Frequency(int symbol) => _starts[symbol + 1] - _starts[symbol];

    /// <summary>The symbol whose slice holds <paramref name="target"/> (0 ≤ target &lt; <see cref="Total"/>).</summary>
    public int Find(uint target)
    {
        // The last start that is ≤ target: binary search over the n+1 boundaries.
        int low = 0, high = SymbolCount;
        while (high - low > 1)
        {
            var middle = (low + high) >>> 1;
            if (_starts[middle] <= target)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    /// <summary>
    /// Quantises probabilities (any non-negative weights, not necessarily normalised) into a table: each symbol gets 1, the
    /// rest of the total is shared in proportion, and what rounding down leaves goes to the largest remainders (ties to the
    /// lower symbol), so the result depends on the weights alone.
    /// </summary>
    /// <exception cref="ArgumentException">No weights, too many, or a weight that is negative or not finite.</exception>
    public static FrequencyTable FromProbabilities(ReadOnlySpan<double> weights)
    {
        if (weights.Length == 0 || weights.Length > Total / 2)
        {
            throw new ArgumentException($"A table from probabilities has 1 to {Total / 2} symbols, not {weights.Length}.", nameof(weights));
        }

        double sum = 0;
        foreach (var w in weights)
        {
            if (!double.IsFinite(w) || w < 0)
            {
                throw new ArgumentException(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Probability {w} is not a finite non-negative number."), nameof(weights));
            }

            sum += w;
        }

        var frequencies = new uint[weights.Length];
        var remainders = new double[weights.Length];
        var budget = Total - (uint)weights.Length;
        uint given = 0;
        for (var s = 0; s < weights.Length; s++)
        {
            var share = sum > 0 ? weights[s] / sum * budget : (double)budget / weights.Length;
            var whole = (uint)Math.Min(Math.Floor(share), budget);
            frequencies[s] = 1 + whole;
            remainders[s] = share - whole;
            given += whole;
        }

        // Rounding down left fewer than n units: hand them out by largest remainder. Floating-point error could in principle
        // over-give by a unit; take that back from the largest frequency so the sum is exact either way.
        var order = new int[weights.Length];
        for (var s = 0; s < order.Length; s++)
        {
            order[s] = s;
        }

        Array.Sort(order, (a, b) => remainders[b].CompareTo(remainders[a]) is var c && c != 0 ? c : a.CompareTo(b));
        for (var i = 0; given < budget; i++, given++)
        {
            frequencies[order[i % order.Length]]++;
        }

        while (given > budget)
        {
            frequencies[Array.IndexOf(frequencies, Max(frequencies))]--;
            given--;
        }

        return new FrequencyTable(frequencies);
    }

    private static uint Max(uint[] values)
    {
        uint max = 0;
        foreach (var v in values)
        {
            max = Math.Max(max, v);
        }

        return max;
    }
}
