using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>A compression model's settings, resolved for the emitter.</summary>
/// <param name="RateWeight">λ, the weight of the rate (bits per pixel) against the distortion.</param>
/// <param name="Code">The code the entropy model quantises and codes: [C] or [C, H, W].</param>
/// <param name="Pixels">
/// What bits per image are divided by for bits per pixel: the input's H·W, or its element count when it is not an image;
/// null when the input's sides are free, so each batch's own H·W counts.
/// </param>
internal sealed record AnalyzedCompression(double RateWeight, Shape Code, long? Pixels) : AnalyzedFamily
{
    public override FamilyEmitter Emitter => CompressionFamilyEmitter.Instance;

    /// <summary>The hyperprior's networks; null for a factorised prior.</summary>
    public AnalyzedHyperprior? Hyper { get; init; }

    /// <summary>The rate term.</summary>
    public override bool HasTerms => true;

    /// <summary>A hyperprior's hyper-encoder and hyper-decoder layers, in module order.</summary>
    public override EquatableArray<AnalyzedLayer> LatentLayers => Hyper is null
        ? EquatableArray<AnalyzedLayer>.Empty
        : Hyper.HyperEncoder.Layers.Concat(Hyper.HyperDecoder.Layers).ToEquatableArray();

    /// <summary>The hyper-encoder's layers come before the density of z, the hyper-decoder's after it.</summary>
    public override int LayersBeforeBetween => Hyper?.HyperEncoder.Layers.Count ?? 0;

    /// <summary>The densities' parameter count is the runtime's, not known when the code compiles.</summary>
    public override Bottleneck? Between => new("entropy", Describe(), Hyper?.Side ?? Code, null);

    /// <summary>The factorised entropy model's channels: those of the code, or of a hyperprior's side information z.</summary>
    public int Channels => (Hyper?.Side ?? Code).Channels;

    /// <summary>As the summary and the fingerprint write it, e.g. <c>EntropyBottleneck(8)</c>.</summary>
    public string Describe() => "EntropyBottleneck(" + Channels + ")";
}

/// <summary>A hyperprior's transforms, resolved.</summary>
/// <param name="HyperEncoder">The code y [M, h, w] (its magnitude, for a scale hyperprior) → side information z.</param>
/// <param name="HyperDecoder">ẑ → M scales, or M scales then M means, of y's size.</param>
/// <param name="MeanAndScale">Whether the hyper-decoder gives means as well as scales.</param>
/// <param name="InDoubles">Each hyper-decoder layer as the codec computes it in doubles (<see cref="LayerKind.InDoubles"/>).</param>
internal sealed record AnalyzedHyperprior(AnalyzedNetwork HyperEncoder, AnalyzedNetwork HyperDecoder, bool MeanAndScale, EquatableArray<string> InDoubles)
{
    /// <summary>The side information z.</summary>
    public Shape Side => HyperEncoder.Output;
}

/// <summary>
/// Checks a declared compression model: λ positive and finite, a code that rounding does not collapse (no bounded final
/// activation) with a channel axis the entropy model can take, and no code penalty beside the rate.
/// </summary>
internal static class CompressionAnalysis
{
    /// <summary>Null when the model declares no compression, or when the declaration has errors (reported).</summary>
    public static AnalyzedCompression? Analyze(ModelSpec spec, Shape? input, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Latent is not CompressionSpec compression)
        {
            return null;
        }

        var name = spec.Type.Name;
        var valid = true;
        var lambda = compression.RateWeight;
        if (!(lambda > 0) || double.IsInfinity(lambda))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CompressionLambdaOutOfRange, compression.RateWeightLocation ?? compression.Location ?? spec.Location, name, Literals.Format(lambda)));
            valid = false;
        }

        if (spec.Encoder is { Layers.Count: > 0 } declared && Bounds(ModelAnalyzer.FinalActivation(declared)) is { } bounded)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CompressionCodeBounded, bounded.Location ?? compression.Location, name, bounded.Activation, bounded.Range, bounded.Values));
            valid = false;
        }

        var code = encoder?.Output;
        if (code is not null && code.Rank != 1 && code.Rank != 3)
        {
            var last = spec.Encoder!.Layers[spec.Encoder.Layers.Count - 1].Location;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CompressionCodeShape, last ?? compression.Location, name, code.ToString()));
            valid = false;
        }

        valid &= NoPenalty(spec, diagnostics);
        var hyper = Hyperprior(spec, compression, code, diagnostics, ref valid);
        return !valid || input is null || code is null
            ? null
            : new AnalyzedCompression(lambda, code, !input.IsFixed ? null : input.Rank == 3 ? input.Dimensions[1].Value * input.Dimensions[2].Value : input.Size) { Hyper = hyper };
    }

    /// <summary>
    /// The hyperprior's networks, checked: declared exactly when the prior is a hyperprior, the hyper-decoder computable in
    /// doubles and giving one scale (and one mean) per element of the code. Null for a factorised prior, or on errors.
    /// </summary>
    private static AnalyzedHyperprior? Hyperprior(ModelSpec spec, CompressionSpec compression, Shape? code, List<DiagnosticInfo> diagnostics, ref bool valid)
    {
        var name = spec.Type.Name;
        if (!Enum.IsDefined(typeof(EntropyPrior), compression.Prior))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, compression.PriorLocation ?? compression.Location, "The prior",
                "one of " + string.Join(", ", Enum.GetNames(typeof(EntropyPrior))), ((int)compression.Prior).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            valid = false;
            return null;
        }

        if (compression.Prior == EntropyPrior.Factorized)
        {
            foreach (var (network, method) in new[] { (compression.HyperEncoder, NetworkRoles.HyperEncodeMethod), (compression.HyperDecoder, NetworkRoles.HyperDecodeMethod) })
            {
                if (network is not null)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HyperTransformWithoutHyperprior, network.Location ?? compression.Location, name, method));
                    valid = false;
                }
            }

            return null;
        }

        var meanAndScale = compression.Prior == EntropyPrior.MeanScaleHyperprior;
        var hyperEncoder = ModelAnalyzer.AnalyzeNetwork(spec, compression.HyperEncoder, "hyper-encoder", NetworkRoles.HyperEncodeMethod, code, diagnostics, prefix: "hyperEncoder");
        var hyperDecoder = ModelAnalyzer.AnalyzeNetwork(spec, compression.HyperDecoder, "hyper-decoder", NetworkRoles.HyperDecodeMethod, hyperEncoder?.Output, diagnostics, prefix: "hyperDecoder");
        if (hyperEncoder is null || hyperDecoder is null || code is null)
        {
            valid = false;
            return null;
        }

        var inDoubles = new List<string>();
        // The analysed layers are the declared ones in order (their locations left behind): the declaration says where.
        for (var i = 0; i < hyperDecoder.Layers.Count; i++)
        {
            var layer = hyperDecoder.Layers[i];
            if (layer.Layer.Kind.InDoubles(layer) is { } expression)
            {
                inDoubles.Add(expression);
                continue;
            }

            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HyperDecoderLayerNotDeterministic, compression.HyperDecoder!.Layers[i].Location ?? compression.HyperDecoder.Location, layer.Layer.Describe(), name));
            valid = false;
        }

        var channels = code.Rank == 3 ? code.Channels * (meanAndScale ? 2 : 1) : 0;
        var expected = code.Rank == 3 ? Shape.Of(Dim.Of(channels), code.Dimensions[1], code.Dimensions[2]) : null;
        if (expected is not null && hyperDecoder.Output != expected)
        {
            var declared = compression.HyperDecoder!.Layers;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.HyperDecoderOutputShape, declared[declared.Count - 1].Location ?? compression.HyperDecoder.Location,
                name, hyperDecoder.Output.ToString(), meanAndScale ? "mean-and-scale hyperprior" : "scale hyperprior", expected.ToString(),
                meanAndScale ? "a scale and a mean" : "one scale", code.ToString(), Literals.Format(channels)));
            valid = false;
        }

        return valid ? new AnalyzedHyperprior(hyperEncoder, hyperDecoder, meanAndScale, inDoubles.ToEquatableArray()) : null;
    }

    /// <summary>The range and the values left after rounding of an activation whose outputs are bounded; null for any other.</summary>
    private static (string Activation, string Range, string Values, LocationInfo? Location)? Bounds((Activation Activation, LocationInfo? Location) final) => final.Activation switch
    {
        Activation.Sigmoid => ("Activation.Sigmoid", "(0, 1)", "0 and 1", final.Location),
        Activation.Tanh => ("Activation.Tanh", "(−1, 1)", "−1, 0 and 1", final.Location),
        _ => null,
    };

    /// <summary>
    /// The sparse and contractive penalties are refused beside compression (AE0053, not AE0023): the rate term already
    /// regularises the code, with the density the codec really uses.
    /// </summary>
    private static bool NoPenalty(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        if (spec.Regularization?.Sparse is { } sparse)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.CompressionWithCodePenalty,
                sparse.Location ?? spec.Location,
                "The sparsity penalty",
                spec.Type.Name,
                "the rate term λ·bpp already makes the code cheap to store, measured by the learned density the codec writes with; an L1 or KL penalty would pull the same code toward a fixed prior the codec never uses"));
            ok = false;
        }

        if (spec.Regularization?.Contractive is { } contractive)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.CompressionWithCodePenalty,
                contractive.Location ?? spec.Location,
                "The contractive penalty",
                spec.Type.Name,
                "the code is rounded to integers, so shrinking the encoder's response to its input only makes different images round to the same code, and the quantiser's zero gradient leaves the penalty nothing useful to shape"));
            ok = false;
        }

        return ok;
    }
}
