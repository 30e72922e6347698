using System;
using TorchSharp.Modules;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Layers;

/// <summary>
/// Generalized divisive normalization (Ballé, Laparra and Simoncelli 2016), the nonlinearity of learned image codecs:
/// each channel i of [B, C, H, W] divided by sqrt(β_i + Σ_j γ_ij x_j²), or, as the inverse (IGDN, in decoders),
/// multiplied by it. β (C values, from 1) and γ (C×C, from 0.1·I) stay positive through the usual reparameterisation:
/// each is stored as p with value p² − ε (ε = 2⁻³⁶), p bounded below by √(β_min + ε) (β_min = 1e-6) or √ε with
/// <see cref="LowerBound"/>, so a step can never make a denominator zero or negative. Parameters are <c>beta</c> and
/// <c>gamma</c>, in their stored form, as CompressAI's GDN names and stores them.
/// </summary>
public sealed class Gdn : nn.Module<Tensor, Tensor>
{
    /// <summary>The smallest β: keeps the denominator away from zero where every input is zero.</summary>
    public const double BetaMinimum = 1e-6;

    /// <summary>γ's initial diagonal (its off-diagonal starts at zero).</summary>
    public const double GammaInit = 0.1;

    // The reparameterisation's offset 2⁻¹⁸; the pedestal is its square.
    private const double Pedestal = 1.0 / (1L << 36);

    private readonly Tensor _betaBound;
    private readonly Tensor _gammaBound;

    /// <summary>A GDN (or, with <paramref name="inverse"/>, an IGDN) over <paramref name="channels"/> channels.</summary>
    public Gdn(string name, long channels, bool inverse = false) : base(name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        Channels = channels;
        Inverse = inverse;
        using (no_grad())
        {
            using var one = ones(channels);
            using var identity = eye(channels).mul_(Of(GammaInit));
            // The names CompressAI's GDN gives them, for weights that travel between the two. Not kept in fields: moving
            // the module to another type or device replaces its parameters, so they are looked up by name when used.
            register_parameter("beta", new Parameter(Reparameterised(one)));
            register_parameter("gamma", new Parameter(Reparameterised(identity)));
        }

        _betaBound = tensor(Math.Sqrt(BetaMinimum + Pedestal), float32);
        _gammaBound = tensor(Math.Sqrt(Pedestal), float32);
    }

    /// <summary>The channels it normalises: axis 1 of its input.</summary>
    public long Channels { get; }

    /// <summary>Whether it multiplies by the norm (IGDN) instead of dividing.</summary>
    public bool Inverse { get; }

    /// <summary>β as the layer uses it: the stored parameter bounded, squared, less the pedestal.</summary>
    public Tensor Beta() => Value(Named("beta"), _betaBound);

    /// <summary>γ as the layer uses it, [C, C]: row i weighs the squared inputs of channel i's denominator.</summary>
    public Tensor Gamma() => Value(Named("gamma"), _gammaBound);

    /// <summary>Normalises <paramref name="input"/> [B, C, H, W].</summary>
    /// <exception cref="ArgumentException">The input is not [B, C, H, W] with C = <see cref="Channels"/>.</exception>
    public override Tensor forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.dim() != 4 || input.shape[1] != Channels)
            throw new ArgumentException($"GDN over {Channels} channels takes [B, {Channels}, H, W], got [{string.Join(", ", input.shape)}].", nameof(input));
        using var scope = NewDisposeScope();
        var weights = Gamma().reshape(Channels, Channels, 1, 1);
        var norm = nn.functional.conv2d(input.mul(input), weights, Beta());
        var scaled = Inverse ? input.mul(norm.sqrt()) : input.mul(norm.rsqrt());
        return scaled.MoveToOuterDisposeScope();
    }

    private static Tensor Reparameterised(Tensor value)
    {
        using var pedestal = full_like(value, Of(Pedestal));
        return value.add(pedestal, One).maximum(pedestal).sqrt();
    }

    private Parameter Named(string name) => get_parameter(name) ?? throw new InvalidOperationException($"GDN {GetName()} has lost its parameter '{name}'.");

    private Tensor Value(Parameter stored, Tensor bound)
    {
        using var scope = NewDisposeScope();
        var b = bound.to(stored.device).to_type(stored.dtype);
        var bounded = LowerBound.Apply(stored, b);
        return bounded.mul(bounded).sub(Of(Pedestal)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _betaBound.Dispose();
            _gammaBound.Dispose();
        }

        base.Dispose(disposing);
    }
}
