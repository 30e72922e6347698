using System.Collections.Generic;

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

    /// <summary>The rate term.</summary>
    public override bool HasTerms => true;

    /// <summary>The densities' parameter count is the runtime's, not known when the code compiles.</summary>
    public override Bottleneck? Between => new("entropy", Describe(), Code, null);

    /// <summary>The entropy model's channels: axis 1 of the code batch, one learned density each.</summary>
    public int Channels => Code.Channels;

    /// <summary>As the summary and the fingerprint write it, e.g. <c>EntropyBottleneck(8)</c>.</summary>
    public string Describe() => "EntropyBottleneck(" + Channels + ")";
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
        return !valid || input is null || code is null
            ? null
            : new AnalyzedCompression(lambda, code, !input.IsFixed ? null : input.Rank == 3 ? input.Dimensions[1].Value * input.Dimensions[2].Value : input.Size);
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
