using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// Codes any 64-bit integer with one <see cref="FrequencyTable"/>: the values <see cref="Low"/> … <see cref="High"/> are
/// its symbols 0 … n−1, and symbol n is the escape for everything else, followed by raw bits: one for the side (above or
/// below the table) and the distance past the table's edge as an order-0 Exp-Golomb code, so a value 2^k past the edge
/// costs about 2k + 2 bits besides the escape.
/// </summary>
internal sealed class IntegerTable
{
    // Exp-Golomb of d + 1 ≤ 2^64 − 1: at most 63 leading zeros. More than that is damage.
    private const int MaxExpGolombPrefix = 63;

    /// <summary>Creates the table; <paramref name="table"/> has one symbol per value in [low, low + n) and the escape last.</summary>
    public IntegerTable(long low, FrequencyTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (table.SymbolCount < 2)
        {
            throw new ArgumentException("The table needs at least one value and the escape.", nameof(table));
        }

        if (low > long.MaxValue - (table.SymbolCount - 2))
        {
            throw new ArgumentOutOfRangeException(nameof(low), "The table's values run past the largest 64-bit integer.");
        }

        Low = low;
        Table = table;
        var largest = 0u;
        for (var s = 0; s < table.SymbolCount; s++)
        {
            largest = Math.Max(largest, table.Frequency(s));
        }

        MinimumBits = -Math.Log2((double)largest / FrequencyTable.Total);
    }

    /// <summary>
    /// The fewest bits any value costs: the most probable symbol's, since every symbol keeps at most its share of the
    /// coder's range (truncation only takes more). It bounds how many values a payload of a given length can hold.
    /// </summary>
    public double MinimumBits { get; }

    /// <summary>The smallest value with its own symbol.</summary>
    public long Low { get; }

    /// <summary>The largest value with its own symbol.</summary>
    public long High => Low + (Table.SymbolCount - 2);

    /// <summary>The values' frequencies, with the escape as the last symbol.</summary>
    public FrequencyTable Table { get; }

    private int Escape => Table.SymbolCount - 1;

    /// <summary>Codes <paramref name="value"/>.</summary>
    public void Encode(RangeEncoder encoder, long value)
    {
        if (value >= Low && value <= High)
        {
            encoder.Encode(Table, (int)(value - Low));
            return;
        }

        encoder.Encode(Table, Escape);
        var above = value > High;
        // The distance past the edge, minus one: fits 64 bits unsigned, as the true difference is below 2^64.
        var distance = above ? unchecked((ulong)value - (ulong)High - 1) : unchecked((ulong)Low - (ulong)value - 1);
        encoder.EncodeBits(above ? 1u : 0u, 1);
        var x = (UInt128)distance + 1;
        var bits = 127 - (int)UInt128.LeadingZeroCount(x);  // x has bits + 1 significant bits
        // The prefix goes one bit at a time, as the decoder reads it: the coder's truncation makes 16 bits in one step
        // a different code from 16 steps of one bit.
        for (var i = 0; i < bits; i++)
        {
            encoder.EncodeBits(0, 1);
        }

        encoder.EncodeBits(1, 1);
        encoder.EncodeBits((ulong)(x & ((UInt128.One << bits) - 1)), bits);
    }

    /// <summary>Decodes one value.</summary>
    /// <exception cref="CorruptStreamException">An escape whose value lies beyond the 64-bit integers.</exception>
    public long Decode(RangeDecoder decoder)
    {
        var symbol = decoder.Decode(Table);
        if (symbol != Escape)
        {
            return Low + symbol;
        }

        var above = decoder.DecodeBits(1) == 1;
        var bits = 0;
        while (decoder.DecodeBits(1) == 0)
        {
            if (++bits > MaxExpGolombPrefix)
            {
                throw OutOfRange();
            }
        }

        var x = (UInt128.One << bits) | decoder.DecodeBits(bits);
        var distance = x - 1;  // < 2^64
        var value = above ? (Int128)High + 1 + (Int128)distance : (Int128)Low - 1 - (Int128)distance;
        if (value < long.MinValue || value > long.MaxValue)
        {
            throw OutOfRange();
        }

        return (long)value;
    }

    private static CorruptStreamException OutOfRange() =>
        new("damaged stream: an escaped value lies beyond the 64-bit integers.");
}
