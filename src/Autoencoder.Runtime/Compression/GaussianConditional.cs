using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Layers;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The conditional entropy model of the scale hyperprior (Ballé et al. 2018): each element of the code y is Gaussian with
/// its own mean μ and scale σ (from the hyper-synthesis), convolved with a unit box for quantisation. Training uses its
/// differentiable <see cref="Likelihoods"/>; coding snaps each σ to one of <see cref="ScaleTable"/>'s 64 log-spaced scales
/// (<see cref="ScaleIndexes"/>) and codes y − μ, rounded, with that scale's integer table.
/// </summary>
/// <remarks>
/// The tables are built in C# double arithmetic from the scale table alone (<see cref="NormalDistribution"/>), never from
/// a network's output, so encoder and decoder build the same tables on any machine; what must agree besides is the index
/// of each element, which the caller derives from scales both sides compute identically.
/// </remarks>
public static class GaussianConditional
{
    /// <summary>The smallest scale: narrower Gaussians put all the mass on one integer anyway (CompressAI's 0.11).</summary>
    public const double ScaleMinimum = 0.11;

    /// <summary>The largest scale of the table: wider codes are coded as if of this scale.</summary>
    public const double ScaleMaximum = 256;

    /// <summary>How many scales the table holds.</summary>
    public const int Levels = 64;

    /// <summary>The smallest likelihood a training step sees: a value far out in the tails costs at most ~30 bits.</summary>
    public const double LikelihoodBound = 1e-9;

    private static readonly IntegerTable?[] Tables = new IntegerTable?[Levels];

    /// <summary>The coding scales: exp of <see cref="Levels"/> evenly spaced values from ln 0.11 to ln 256.</summary>
    public static IReadOnlyList<double> ScaleTable { get; } = BuildScales();

    /// <summary>
    /// The probability of each rounded <paramref name="values"/> (or noisy, in training) element under N(μ, σ²) convolved with a
    /// unit box: Φ((½ − |y − μ|)/σ) − Φ((−½ − |y − μ|)/σ), with σ bounded below by <see cref="ScaleMinimum"/> and the result
    /// by <see cref="LikelihoodBound"/> (each through <see cref="LowerBound"/>, whose gradient can lift it back).
    /// </summary>
    /// <param name="values">The code y, any shape.</param>
    /// <param name="scales">σ, the shape of <paramref name="values"/>.</param>
    /// <param name="means">μ, the same shape, or null for zero means (the scale-only hyperprior).</param>
    public static Tensor Likelihoods(Tensor values, Tensor scales, Tensor? means = null)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(scales);
        if (!values.shape.AsSpan().SequenceEqual(scales.shape) || (means is not null && !values.shape.AsSpan().SequenceEqual(means.shape)))
            throw new ArgumentException($"Values [{string.Join(", ", values.shape)}], scales and means must have one shape.", nameof(scales));
        using var scope = NewDisposeScope();
        using var scaleBound = tensor(ScaleMinimum, values.dtype, values.device);
        using var likelihoodBound = tensor(LikelihoodBound, values.dtype, values.device);
        var sigma = LowerBound.Apply(scales, scaleBound);
        var distance = (means is null ? values : values.sub(means)).abs();
        // Both bounds as upper tails of |y − μ| ± ½, where they are small: Φ(a) − Φ(b) = Q(−a) − Q(−b), never 1 − 1.
        var upper = StandardUpperTail(distance.sub(Of(0.5)).div(sigma));
        var lower = StandardUpperTail(distance.add(Of(0.5), One).div(sigma));
        return LowerBound.Apply(upper.sub(lower), likelihoodBound).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// For each σ, the index of the smallest table scale at or above it (the last for σ beyond the table): coding with a
    /// slightly wider Gaussian costs a little rate, a narrower one could cost much more on an outlier.
    /// </summary>
    public static int[] ScaleIndexes(ReadOnlySpan<double> scales)
    {
        var indexes = new int[scales.Length];
        for (var i = 0; i < scales.Length; i++)
        {
            var sigma = scales[i];
            if (double.IsNaN(sigma))
                throw new ArgumentException($"Scale {i} is NaN.", nameof(scales));
            var index = 0;
            while (index < Levels - 1 && ScaleTable[index] < sigma)
                index++;
            indexes[i] = index;
        }

        return indexes;
    }

    /// <summary>Range-codes <paramref name="symbols"/> (y − μ rounded), each with the table of its scale index, into a payload.</summary>
    /// <exception cref="ArgumentException">The spans differ in length, or an index is outside the table.</exception>
    public static byte[] Encode(ReadOnlySpan<long> symbols, ReadOnlySpan<int> indexes)
    {
        RequireIndexes(symbols.Length, indexes);
        var encoder = new RangeEncoder();
        for (var i = 0; i < symbols.Length; i++)
            Table(indexes[i]).Encode(encoder, symbols[i]);
        return encoder.Finish();
    }

    /// <summary>Decodes as many symbols as <paramref name="indexes"/> from <paramref name="payload"/> starting at <paramref name="offset"/>.</summary>
    /// <exception cref="CorruptStreamException">The payload is damaged or ends early.</exception>
    public static long[] Decode(byte[] payload, int offset, ReadOnlySpan<int> indexes)
    {
        ArgumentNullException.ThrowIfNull(payload);
        RequireIndexes(indexes.Length, indexes);
        var decoder = new RangeDecoder(payload, offset);
        var symbols = new long[indexes.Length];
        for (var i = 0; i < symbols.Length; i++)
            symbols[i] = Table(indexes[i]).Decode(decoder);
        decoder.Finish();
        return symbols;
    }

    /// <summary>The bits the table of <paramref name="index"/> spends on <paramref name="symbol"/> (−log2 of its quantised frequency; escapes excluded).</summary>
    public static double TableBits(int index, long symbol)
    {
        var table = Table(index);
        return symbol < table.Low || symbol > table.High
            ? double.PositiveInfinity
            : -Math.Log2((double)table.Table.Frequency((int)(symbol - table.Low)) / FrequencyTable.Total);
    }

    /// <summary>The integer table of scale <paramref name="index"/>, built once: values ±n holding all but the tail mass, and the escape.</summary>
    internal static IntegerTable Table(int index)
    {
        if (index is < 0 or >= Levels)
            throw new ArgumentOutOfRangeException(nameof(index), index, $"A scale index is 0 to {Levels - 1}.");
        return Tables[index] ??= BuildTable(ScaleTable[index]);
    }

    private static IntegerTable BuildTable(double sigma)
    {
        // The smallest n whose two tails beyond ±(n + ½) hold at most the tail mass; at most MaxValues values in all.
        var n = 0;
        while (2 * n + 1 < CodingTables.MaxValues - 1 && 2 * NormalDistribution.UpperTail((n + 0.5) / sigma) > CodingTables.TailMass)
            n++;
        var masses = new double[2 * n + 2];
        for (var k = -n; k <= n; k++)
        {
            var a = Math.Abs(k);
            masses[k + n] = a == 0
                ? 1 - 2 * NormalDistribution.UpperTail(0.5 / sigma)
                : NormalDistribution.UpperTail((a - 0.5) / sigma) - NormalDistribution.UpperTail((a + 0.5) / sigma);
        }

        masses[2 * n + 1] = 2 * NormalDistribution.UpperTail((n + 0.5) / sigma);
        return new IntegerTable(-n, FrequencyTable.FromProbabilities(masses));
    }

    private static IReadOnlyList<double> BuildScales()
    {
        var scales = new double[Levels];
        double low = Math.Log(ScaleMinimum), high = Math.Log(ScaleMaximum);
        for (var i = 0; i < Levels; i++)
            scales[i] = Math.Exp(low + (high - low) * i / (Levels - 1));
        return scales;
    }

    // Q(x) = ½ erfc(x / √2) on tensors, for training.
    private static Tensor StandardUpperTail(Tensor x) => x.mul(Of(1 / Math.Sqrt(2))).erfc().mul(Of(0.5));

    private static void RequireIndexes(int count, ReadOnlySpan<int> indexes)
    {
        if (indexes.Length != count)
            throw new ArgumentException($"{count} symbols for {indexes.Length} scale indexes.", nameof(indexes));
        foreach (var index in indexes)
        {
            if (index is < 0 or >= Levels)
                throw new ArgumentException($"Scale index {index} is outside the table (0 to {Levels - 1}).", nameof(indexes));
        }
    }
}
