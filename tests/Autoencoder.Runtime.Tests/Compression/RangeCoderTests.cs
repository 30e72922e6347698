using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Compression;

public sealed class RangeCoderTests
{
    [Theory]
    [InlineData(false, 1_000)]
    [InlineData(true, 1_000)]
    [InlineData(true, 200_000)]
    public void Random_symbols_round_trip_at_close_to_their_information(bool skewed, int count)
    {
        var random = new Random(count + (skewed ? 1 : 0));
        var table = skewed ? Skewed(40) : FrequencyTable.FromProbabilities(Enumerable.Repeat(1.0, 37).ToArray());
        var symbols = Draw(table, count, random);

        var payload = Encode(table, symbols);
        var decoder = new RangeDecoder(payload, 0);
        var decoded = symbols.Select(_ => decoder.Decode(table)).ToArray();
        decoder.Finish();

        decoded.ShouldBe(symbols);
        var idealBits = symbols.Sum(s => -Math.Log2(table.Frequency(s) / (double)FrequencyTable.Total));
        // The coder's own cost: a fraction of a bit per symbol at most, and one closing byte.
        (payload.Length * 8.0).ShouldBeLessThan(idealBits * 1.001 + 16);
        (payload.Length * 8.0).ShouldBeGreaterThan(idealBits - 8);
    }

    [Fact]
    public void An_empty_stream_is_one_byte_and_a_single_symbol_round_trips()
    {
        var table = Skewed(5);
        var empty = new RangeEncoder().Finish();
        empty.Length.ShouldBe(1);
        new RangeDecoder(empty, 0).Finish();

        for (var symbol = 0; symbol < table.SymbolCount; symbol++)
        {
            var payload = Encode(table, [symbol]);
            var decoder = new RangeDecoder(payload, 0);
            decoder.Decode(table).ShouldBe(symbol);
            decoder.Finish();
        }
    }

    [Fact]
    public void Near_certain_and_near_impossible_symbols_round_trip()
    {
        // 65 535 out of 65 536 for one symbol, 1 for the other: carries and long runs of 0xFF bytes are exercised.
        var table = new FrequencyTable([FrequencyTable.Total - 1, 1]);
        var random = new Random(4);
        foreach (var rare in new[] { 0.0, 0.001, 0.5, 1.0 })
        {
            var symbols = Enumerable.Range(0, 50_000).Select(_ => random.NextDouble() < rare ? 1 : 0).ToArray();
            var payload = Encode(table, symbols);
            var decoder = new RangeDecoder(payload, 0);
            symbols.Select(_ => decoder.Decode(table)).ToArray().ShouldBe(symbols);
            decoder.Finish();
        }
    }

    [Fact]
    public void Raw_bits_of_every_width_round_trip_between_symbols()
    {
        var random = new Random(8);
        var table = Skewed(9);
        var items = Enumerable.Range(0, 3_000).Select(_ =>
        {
            var width = random.Next(0, 65);
            var value = width == 0 ? 0 : (ulong)random.NextInt64() << 1 ^ (ulong)random.Next(2);
            return (Symbol: random.Next(table.SymbolCount), Width: width, Bits: width == 64 ? value : value & ((1UL << width) - 1));
        }).ToArray();

        var encoder = new RangeEncoder();
        foreach (var (symbol, width, bits) in items)
        {
            encoder.Encode(table, symbol);
            encoder.EncodeBits(bits, width);
        }

        var payload = encoder.Finish();
        var decoder = new RangeDecoder(payload, 0);
        foreach (var (symbol, width, bits) in items)
        {
            decoder.Decode(table).ShouldBe(symbol);
            decoder.DecodeBits(width).ShouldBe(bits);
        }

        decoder.Finish();
    }

    [Fact]
    public void Any_64_bit_integer_round_trips_through_a_small_table_and_its_escape()
    {
        var table = new IntegerTable(-2, FrequencyTable.FromProbabilities([0.1, 0.2, 0.4, 0.2, 0.1, 1e-6]));
        var random = new Random(12);
        long[] values =
        [
            long.MinValue, long.MinValue + 1, long.MaxValue, long.MaxValue - 1, -3, -2, 2, 3, 0, 1 << 24, -(1L << 40),
            .. Enumerable.Range(0, 2_000).Select(_ => random.Next(3) switch
            {
                0 => random.NextInt64(-3, 4),
                1 => random.NextInt64(-1000, 1000),
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            }),
        ];

        var encoder = new RangeEncoder();
        foreach (var value in values)
        {
            table.Encode(encoder, value);
        }

        var payload = encoder.Finish();
        var decoder = new RangeDecoder(payload, 0);
        values.Select(_ => table.Decode(decoder)).ToArray().ShouldBe(values);
        decoder.Finish();
    }

    [Fact]
    public void Cut_or_padded_payloads_are_refused()
    {
        var table = Skewed(20);
        var symbols = Draw(table, 400, new Random(3));
        var payload = Encode(table, symbols);

        var cut = payload[..^1];
        Should.Throw<CorruptStreamException>(() => DecodeAll(table, cut, symbols.Length)).Message.ShouldStartWith("truncated stream");
        var padded = payload.Append((byte)0x5A).ToArray();
        Should.Throw<CorruptStreamException>(() => DecodeAll(table, padded, symbols.Length)).Message.ShouldContain("left over");
        Should.Throw<CorruptStreamException>(() => DecodeAll(table, [], 0)).Message.ShouldStartWith("truncated stream");
    }

    [Fact]
    public void Damaged_payloads_decode_wrong_values_or_throw_and_never_anything_else()
    {
        var table = new IntegerTable(-8, FrequencyTable.FromProbabilities([.. Enumerable.Range(-8, 17).Select(v => Math.Exp(-Math.Abs(v))), 1e-5]));
        var random = new Random(21);
        var values = Enumerable.Range(0, 300).Select(_ => random.NextInt64(-12, 13)).ToArray();
        var encoder = new RangeEncoder();
        foreach (var value in values)
        {
            table.Encode(encoder, value);
        }

        var payload = encoder.Finish();
        int refused = 0, accepted = 0;
        for (var trial = 0; trial < 2_000; trial++)
        {
            var damaged = (byte[])payload.Clone();
            var flips = 1 + random.Next(4);
            for (var f = 0; f < flips; f++)
            {
                damaged[random.Next(damaged.Length)] ^= (byte)(1 + random.Next(255));
            }

            try
            {
                var decoder = new RangeDecoder(damaged, 0);
                foreach (var _ in values)
                {
                    table.Decode(decoder);
                }

                decoder.Finish();
                accepted++;
            }
            catch (CorruptStreamException)
            {
                refused++;
            }
        }

        // Every trial ended (no hang, no other exception), and the length check catches most of the damage.
        (refused + accepted).ShouldBe(2_000);
        refused.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void Frequency_tables_from_probabilities_are_exact_and_keep_every_symbol()
    {
        var table = FrequencyTable.FromProbabilities([0.5, 0, 1e-12, 0.25, 0.25]);
        Enumerable.Range(0, 5).Sum(s => (long)table.Frequency(s)).ShouldBe(FrequencyTable.Total);
        table.Frequency(1).ShouldBe(1u);
        table.Frequency(2).ShouldBe(1u);
        table.Frequency(0).ShouldBeInRange(32_760u, 32_770u);
        FrequencyTable.FromProbabilities([0.0, 0.0]).Frequency(0).ShouldBe(FrequencyTable.Total / 2);
        Should.Throw<ArgumentException>(() => new FrequencyTable([FrequencyTable.Total, 0]));
        Should.Throw<ArgumentException>(() => new FrequencyTable([5, 7]));
        Should.Throw<ArgumentException>(() => FrequencyTable.FromProbabilities([0.5, double.NaN]));
    }

    // A roughly geometric table: a few symbols take most of the mass, the rest are rare.
    private static FrequencyTable Skewed(int symbols) =>
        FrequencyTable.FromProbabilities(Enumerable.Range(0, symbols).Select(s => Math.Pow(0.55, s)).ToArray());

    private static int[] Draw(FrequencyTable table, int count, Random random) =>
        Enumerable.Range(0, count).Select(_ => table.Find((uint)random.Next((int)FrequencyTable.Total))).ToArray();

    private static byte[] Encode(FrequencyTable table, int[] symbols)
    {
        var encoder = new RangeEncoder();
        foreach (var symbol in symbols)
        {
            encoder.Encode(table, symbol);
        }

        return encoder.Finish();
    }

    private static void DecodeAll(FrequencyTable table, byte[] payload, int count)
    {
        var decoder = new RangeDecoder(payload, 0);
        for (var i = 0; i < count; i++)
        {
            decoder.Decode(table);
        }

        decoder.Finish();
    }
}
