using System;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Compression;

/// <summary>The hyperprior's Gaussian conditional: its normal tail, scale table, likelihoods, and streams coded with its tables.</summary>
public sealed class GaussianConditionalTests
{
    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(0.5, 0.4795001221869535)]
    [InlineData(1.0, 0.15729920705028513)]
    [InlineData(2.0, 0.0046777349810472658)]
    [InlineData(3.0, 2.2090496998585441e-05)]
    [InlineData(6.0, 2.1519736712498913e-17)]
    [InlineData(-1.0, 1.8427007929497148)]
    public void Erfc_matches_reference_values(double z, double expected)
    {
        NormalDistribution.Erfc(z).ShouldBe(expected, Math.Abs(expected) * 1e-13);
    }

    [Fact]
    public void The_series_and_the_continued_fraction_meet_at_two()
    {
        var below = NormalDistribution.Erfc(Math.BitDecrement(2.0));
        var at = NormalDistribution.Erfc(2.0);

        // 1 − erf(z) just below 2 loses what erf's last digits hold: agreement to 1e-13 relative, no jump.
        below.ShouldBe(at, at * 1e-13);
    }

    [Fact]
    public void Scale_indexes_pick_the_smallest_table_scale_not_below_each_scale()
    {
        var table = GaussianConditional.ScaleTable;
        table.Count.ShouldBe(64);
        table[0].ShouldBe(0.11, 1e-15);
        table[63].ShouldBe(256, 1e-12);

        var indexes = GaussianConditional.ScaleIndexes([0.01, 0.11, table[10], table[10] * 1.0001, 1000]);

        indexes.ShouldBe([0, 0, 10, 11, 63]);
        Should.Throw<ArgumentException>(() => GaussianConditional.ScaleIndexes([double.NaN]));
    }

    [Fact]
    public void Likelihoods_of_all_integers_sum_to_one_and_are_symmetric_about_the_mean()
    {
        using var values = arange(-40, 41, dtype: ScalarType.Float64);
        using var scales = full(values.shape, 2.5, ScalarType.Float64);
        using var means = full(values.shape, 0.3, ScalarType.Float64);

        using var likelihoods = GaussianConditional.Likelihoods(values, scales, means);
        var p = likelihoods.data<double>().ToArray();

        // Within 1e-7: the floor gives each of the ~50 integers beyond 6σ 1e-9 rather than its vanishing mass.
        p.Sum().ShouldBe(1, 1e-7);
        // P(y = 0 | μ = 0.3) is the box [−0.8, 0.2] around −0.3 of the mean, P(y = 1) the box around 0.7: the first is larger.
        p[40].ShouldBeGreaterThan(p[41]);
        using var centred = GaussianConditional.Likelihoods(values, scales);
        var q = centred.data<double>().ToArray();
        q[30].ShouldBe(q[50], 1e-15);
    }

    [Fact]
    public void Streams_round_trip_every_symbol_with_its_scale_and_escapes()
    {
        var random = new Random(5);
        var count = 5000;
        var indexes = Enumerable.Range(0, count).Select(_ => random.Next(GaussianConditional.Levels)).ToArray();
        var symbols = indexes.Select(i => (long)Math.Round(Gaussian(random) * GaussianConditional.ScaleTable[i])).ToArray();
        symbols[17] = 1_000_000;      // far beyond any table: escapes
        symbols[18] = long.MinValue;

        var payload = GaussianConditional.Encode(symbols, indexes);
        var decoded = GaussianConditional.Decode(payload, 0, indexes);

        decoded.ShouldBe(symbols);
    }

    [Fact]
    public void The_stream_size_is_what_the_likelihoods_say_it_should_be()
    {
        var random = new Random(9);
        const int Count = 20000;
        var sigmas = Enumerable.Range(0, Count).Select(_ => Math.Exp(random.NextDouble() * 4 - 1)).ToArray();
        var values = sigmas.Select(s => Math.Round(Gaussian(random) * s)).ToArray();
        var indexes = GaussianConditional.ScaleIndexes(sigmas);
        var codingScales = indexes.Select(i => GaussianConditional.ScaleTable[i]).ToArray();

        var payload = GaussianConditional.Encode(values.Select(v => (long)v).ToArray(), indexes);
        using var y = tensor(values);
        using var s = tensor(codingScales);
        using var likelihoods = GaussianConditional.Likelihoods(y, s);
        using var log = likelihoods.log2().sum().neg();
        var estimate = log.item<double>();

        (payload.Length * 8.0).ShouldBe(estimate, estimate * 0.01);
    }

    [Fact]
    public void Likelihoods_let_gradient_reach_scales_and_values()
    {
        using var values = tensor(new[] { 0.2, -1.7, 3.1 }).requires_grad_();
        using var scales = tensor(new[] { 0.5, 2.0, 0.05 }).requires_grad_();

        using (var bits = GaussianConditional.Likelihoods(values, scales).log2().sum().neg())
            bits.backward();

        values.grad!.data<double>().ToArray().ShouldAllBe(g => double.IsFinite(g));
        var scaleGradients = scales.grad!.data<double>().ToArray();
        scaleGradients[0].ShouldNotBe(0);
        // Below the smallest scale, descent that would raise σ back to it still passes (the bound lifts, never sinks).
        double.IsFinite(scaleGradients[2]).ShouldBeTrue();
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
