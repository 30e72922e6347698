using System;
using Autoencoder.Runtime.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>
/// The factorised entropy model of Ballé et al. 2018 (appendix 6.1), one learned density per channel (axis 1 of
/// [B, C] or [B, C, H, W]), shared over positions. Training adds U(−½, ½) noise; evaluation rounds.
/// </summary>
/// <remarks>
/// Each channel's cumulative c(x) = σ(f(x)) with f a chain of four small affine maps, 1 → 3 → 3 → 3 → 1, whose matrices
/// pass through softplus (so every weight is positive) and whose hidden outputs are bent by a gate h + tanh(a)·tanh(h)
/// with |tanh(a)| &lt; 1: every step is increasing, so f is, and c is a distribution function. The probability of an
/// integer v is c(v + ½) − c(v − ½): the density convolved with the unit box, which is exactly what a rounded value
/// (or one with uniform noise) has.
/// </remarks>
public sealed class EntropyBottleneck : nn.Module<Tensor, EntropyBottleneckOutput>
{
    /// <summary>Likelihoods are floored here so that −log2 stays finite (about 30 bits) for values far in the tails.</summary>
    public const double LikelihoodBound = 1e-9;

    // The paper's filters (3, 3, 3) with the scalar input and output at each end.
    private static readonly int[] Widths = [1, 3, 3, 3, 1];

    // Initial spread: at initialisation the density is roughly logistic with scale ~ InitScale, wide enough for any
    // fresh encoder's outputs, so nothing starts in the floored tails.
    private const double InitScale = 10;

    private readonly Parameter[] _matrices;
    private readonly Parameter[] _biases;
    private readonly Parameter[] _factors;

    /// <summary>Creates the density for <paramref name="channels"/> channels.</summary>
    public EntropyBottleneck(string name, long channels) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
        var layers = Widths.Length - 1;
        _matrices = new Parameter[layers];
        _biases = new Parameter[layers];
        _factors = new Parameter[layers - 1];
        var scale = Math.Pow(InitScale, 1.0 / layers);
        using (no_grad())
        {
            for (var i = 0; i < layers; i++)
            {
                // softplus(init) = 1 / (scale · fan-out): the chain's slope is 1/InitScale at the start.
                using var init = Math.Log(Math.Exp(1 / scale / Widths[i + 1]) - 1).ToScalar();
                _matrices[i] = new Parameter(full(new long[] { channels, Widths[i + 1], Widths[i] }, init));
                _biases[i] = new Parameter(empty(channels, Widths[i + 1], 1).uniform_(-0.5, 0.5));
                if (i < layers - 1)
                {
                    _factors[i] = new Parameter(zeros(channels, Widths[i + 1], 1));
                }
            }
        }

        // Registered one by one, as generated modules do: RegisterComponents() would not see into the arrays.
        for (var i = 0; i < layers; i++)
        {
            register_parameter($"matrix{i}", _matrices[i]);
            register_parameter($"bias{i}", _biases[i]);
            if (i < layers - 1)
            {
                register_parameter($"factor{i}", _factors[i]);
            }
        }
    }

    /// <summary>Number of channels: axis 1 of the code.</summary>
    public long Channels { get; }

    /// <summary>Quantises <paramref name="code"/> (noise in training mode, rounding in evaluation mode) and returns its likelihoods.</summary>
    /// <exception cref="ArgumentException">The code has fewer than two axes, or axis 1 is not <see cref="Channels"/> long.</exception>
    public override EntropyBottleneckOutput forward(Tensor code)
    {
        CheckCode(code);
        var quantized = training ? code.add(empty_like(code).uniform_(-0.5, 0.5), One) : code.round();
        return new EntropyBottleneckOutput(quantized, Likelihoods(quantized));
    }

    /// <summary>
    /// The probability of each element of <paramref name="values"/> ([B, C, …]) under its channel's density,
    /// c(v + ½) − c(v − ½), floored at <see cref="LikelihoodBound"/>; differentiable in the values and the density.
    /// </summary>
    public Tensor Likelihoods(Tensor values)
    {
        CheckCode(values);
        using var scope = NewDisposeScope();
        // [B, C, …] → [C, 1, N]: each channel's values as one row for its own small network.
        var byChannel = values.transpose(0, 1);
        var channelShape = byChannel.shape;
        var rows = byChannel.reshape(Channels, 1, -1);
        var lower = Logits(rows.sub(Of(0.5)));
        var upper = Logits(rows.add(Of(0.5), One));
        // σ(u) − σ(l) loses everything to rounding when both are near 1; σ(−l) − σ(−u) is the same number computed
        // near 0. Flipping by the sign of l + u always takes the side where the two sigmoids are small.
        // Where l + u is exactly 0, sign() would give 0 and a likelihood of 0: take −1 there, as the coder's tables do.
        var sign = where(lower.add(upper, One).gt(Zero), -1.0f, 1.0f).to_type(lower.dtype).detach();
        var likelihood = (sigmoid(sign * upper) - sigmoid(sign * lower)).abs();
        // Floored values keep their gradient (straight through): the rate term only ever pushes a likelihood up, and a
        // plain clamp would leave values stuck in the far tails with none.
        var floored = likelihood.add((likelihood.clamp_min(Of(LikelihoodBound)) - likelihood).detach(), One);
        return floored.reshape(channelShape).transpose(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>Bits of each image of a batch under the model: −Σ log2 p over every element but the batch axis, [B].</summary>
    /// <exception cref="ArgumentException">The likelihoods have no axis beside the batch axis.</exception>
    public static Tensor BitsPerImage(Tensor likelihoods)
    {
        ArgumentNullException.ThrowIfNull(likelihoods);
        if (likelihoods.dim() < 2)
        {
            throw new ArgumentException($"Likelihoods are [B, …] with at least two axes, not [{string.Join(", ", likelihoods.shape)}].", nameof(likelihoods));
        }

        using var scope = NewDisposeScope();
        return likelihoods.log2().neg().flatten(1).sum(1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Bits per pixel of a batch, averaged over it: <see cref="BitsPerImage"/> over <paramref name="pixelsPerImage"/> (H·W of
    /// the batch's images), for models whose images have no fixed size.
    /// </summary>
    public static Tensor MeanBitsPerPixel(Tensor likelihoods, long pixelsPerImage)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(pixelsPerImage);
        using var scope = NewDisposeScope();
        using var pixels = pixelsPerImage.ToScalar();
        return BitsPerImage(likelihoods).mean().div(pixels).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Each channel's network as plain numbers, read once from the current parameters: the coding tables are computed
    /// from these in C# double arithmetic, so they do not depend on which BLAS kernel libtorch picks on a machine.
    /// </summary>
    internal ChannelDensity[] ReadDensities()
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var layers = _matrices.Length;
        var matrices = new double[layers][];
        var biases = new double[layers][];
        var factors = new double[layers - 1][];
        for (var i = 0; i < layers; i++)
        {
            matrices[i] = _matrices[i].to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            biases[i] = _biases[i].to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            if (i < layers - 1)
            {
                factors[i] = _factors[i].to_type(ScalarType.Float64).cpu().data<double>().ToArray();
            }
        }

        var densities = new ChannelDensity[Channels];
        for (var c = 0; c < Channels; c++)
        {
            densities[c] = ChannelDensity.Slice(Widths, matrices, biases, factors, c);
        }

        return densities;
    }

    private Tensor Logits(Tensor x)
    {
        var logits = x;
        for (var i = 0; i < _matrices.Length; i++)
        {
            logits = matmul(HeldSoftplus.Of(_matrices[i]), logits).add(_biases[i], One);
            if (i < _factors.Length)
            {
                logits = logits.add(_factors[i].tanh() * logits.tanh(), One);
            }
        }

        return logits;
    }

    private void CheckCode(Tensor code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (code.dim() < 2 || code.shape[1] != Channels)
        {
            throw new ArgumentException(
                $"The entropy bottleneck '{GetName()}' takes codes [B, {Channels}, …] (channels on axis 1), not [{string.Join(", ", code.shape)}].",
                nameof(code));
        }
    }
}
