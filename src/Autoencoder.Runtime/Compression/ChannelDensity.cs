using System;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// One channel of <see cref="EntropyBottleneck"/>'s density in double arithmetic: the logit f(x) of its cumulative and
/// the probabilities of integers, computed the same way on every machine (no BLAS, no vector kernels).
/// </summary>
internal sealed class ChannelDensity
{
    private readonly int[] _widths;
    private readonly double[][] _weights;   // softplus of each raw matrix, [out, in] row-major
    private readonly double[][] _biases;    // [out]
    private readonly double[][] _gates;     // tanh of each raw factor, [out]

    private ChannelDensity(int[] widths, double[][] weights, double[][] biases, double[][] gates)
    {
        _widths = widths;
        _weights = weights;
        _biases = biases;
        _gates = gates;
    }

    /// <summary>Takes channel <paramref name="channel"/>'s slice of the raw parameters (matrices [C, out, in], biases and factors [C, out, 1]).</summary>
    public static ChannelDensity Slice(int[] widths, double[][] rawMatrices, double[][] biases, double[][] rawFactors, int channel)
    {
        var layers = widths.Length - 1;
        var weights = new double[layers][];
        var channelBiases = new double[layers][];
        var gates = new double[layers - 1][];
        for (var i = 0; i < layers; i++)
        {
            int fanIn = widths[i], fanOut = widths[i + 1];
            weights[i] = new double[fanOut * fanIn];
            for (var k = 0; k < weights[i].Length; k++)
            {
                weights[i][k] = Softplus(rawMatrices[i][channel * fanOut * fanIn + k]);
            }

            channelBiases[i] = biases[i].AsSpan(channel * fanOut, fanOut).ToArray();
            if (i < layers - 1)
            {
                gates[i] = new double[fanOut];
                for (var k = 0; k < fanOut; k++)
                {
                    gates[i][k] = Math.Tanh(rawFactors[i][channel * fanOut + k]);
                }
            }
        }

        return new ChannelDensity(widths, weights, channelBiases, gates);
    }

    /// <summary>f(x): the cumulative is σ(f(x)); increasing in x.</summary>
    public double Logit(double x)
    {
        Span<double> current = stackalloc double[8];
        Span<double> next = stackalloc double[8];
        current[0] = x;
        for (var i = 0; i < _weights.Length; i++)
        {
            int fanIn = _widths[i], fanOut = _widths[i + 1];
            for (var o = 0; o < fanOut; o++)
            {
                var sum = _biases[i][o];
                for (var k = 0; k < fanIn; k++)
                {
                    sum += _weights[i][o * fanIn + k] * current[k];
                }

                next[o] = i < _gates.Length ? sum + _gates[i][o] * Math.Tanh(sum) : sum;
            }

            next[..fanOut].CopyTo(current);
        }

        return current[0];
    }

    /// <summary>The probability of the interval (a, b] between two logits f(a) ≤ f(b), computed on the side where it is not lost to rounding.</summary>
    public static double Mass(double lowerLogit, double upperLogit)
    {
        var sign = lowerLogit + upperLogit > 0 ? -1.0 : 1.0;
        return Math.Abs(Sigmoid(sign * upperLogit) - Sigmoid(sign * lowerLogit));
    }

    /// <summary>σ(x) without overflow for large |x|.</summary>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1 / (1 + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1 + e);
    }

    // log(1 + eˣ), keeping tiny weights positive rather than rounding them to 0 for very negative x.
    private static double Softplus(double x) => x switch
    {
        > 30 => x,
        < -30 => Math.Exp(x),
        _ => Math.Log(1 + Math.Exp(x)),
    };
}
