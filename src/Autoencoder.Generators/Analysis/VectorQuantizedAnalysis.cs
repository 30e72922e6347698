using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// A vector quantizer with every default filled in, and the code shape it quantises ([D, H, W] or [D]).
/// </summary>
/// <param name="DeadCodeThreshold">Codes whose moving average of assignments per batch falls below it are reset; 0 means never.</param>
internal sealed record AnalyzedVectorQuantized(
    int Codes,
    int Dimension,
    double CommitmentWeight,
    bool Ema,
    double CodebookDecay,
    double CodebookEpsilon,
    double DeadCodeThreshold,
    Shape Code)
    : AnalyzedFamily
{
    public override FamilyEmitter Emitter => VectorQuantizedFamilyEmitter.Instance;

    /// <summary>The codebook's K·D values, learned by gradient or by moving averages.</summary>
    public override long Parameters => (long)Codes * Dimension;

    /// <summary>The codebook and commitment losses.</summary>
    public override bool HasTerms => true;

    public override Bottleneck? Between => new("quantizer", Describe(), Code, Parameters);

    /// <summary>The positions of one sample's codes: [H, W] for an image code, empty for a dense one.</summary>
    public EquatableArray<Dim> Positions => Code.Dimensions.Skip(1).ToEquatableArray();

    /// <summary>As the summary and the fingerprint write it, e.g. <c>VectorQuantizer(512, 64, EMA)</c>.</summary>
    public string Describe() => "VectorQuantizer(" + Codes + ", " + Dimension + (Ema ? ", EMA" : string.Empty) + ")";
}

/// <summary>Checks a declared vector quantizer against its settings and the encoder's output, and resolves its defaults.</summary>
internal static class VectorQuantizedAnalysis
{
    /// <summary>Null when the model declares no quantizer, or when the declaration has errors (reported).</summary>
    public static AnalyzedVectorQuantized? Analyze(ModelSpec spec, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Latent is not VectorQuantizedSpec vq)
        {
            return null;
        }

        var at = vq.Fields;
        var ema = vq.Ema ?? false;
        var valid = Check(vq.Codes >= 2, at.Codes, "The codebook size (codes)", "at least 2", Literals.Format(vq.Codes), diagnostics)
                    & Check(vq.Dimension >= 1, at.Dimension, "The code dimension", "at least 1", Literals.Format(vq.Dimension), diagnostics)
                    & Check(vq.CommitmentWeight is not { } beta || beta >= 0 && IsFinite(beta), at.CommitmentWeight, "CommitmentWeight", "a finite number ≥ 0", Format(vq.CommitmentWeight), diagnostics)
                    & Check(vq.CodebookDecay is not { } decay || decay > 0 && decay < 1, at.CodebookDecay, "CodebookDecay", "in (0, 1)", Format(vq.CodebookDecay), diagnostics)
                    & Check(vq.CodebookEpsilon is not { } epsilon || epsilon > 0 && IsFinite(epsilon), at.CodebookEpsilon, "CodebookEpsilon", "a finite number > 0", Format(vq.CodebookEpsilon), diagnostics)
                    & Check(vq.DeadCodeThreshold is not { } threshold || threshold >= 0 && IsFinite(threshold), at.DeadCodeThreshold, "DeadCodeThreshold", "a finite number ≥ 0 (0 turns resets off)", Format(vq.DeadCodeThreshold), diagnostics)
                    & NeedsEma(vq.CodebookDecay is not null, ema, "CodebookDecay", at.CodebookDecay, diagnostics)
                    & NeedsEma(vq.CodebookEpsilon is not null, ema, "CodebookEpsilon", at.CodebookEpsilon, diagnostics);

        var code = encoder?.Output;
        if (code is not null && vq.Dimension >= 1 && code.Channels != vq.Dimension)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.QuantizerDimensionMismatch,
                at.Dimension ?? vq.Location,
                spec.Type.Name,
                code.ToString(),
                Literals.Format(code.Channels),
                Literals.Format(vq.Dimension)));
            valid = false;
        }

        return !valid || code is null
            ? null
            : new AnalyzedVectorQuantized(
                vq.Codes,
                vq.Dimension,
                vq.CommitmentWeight ?? Defaults.CommitmentWeight,
                ema,
                vq.CodebookDecay ?? Defaults.CodebookDecay,
                vq.CodebookEpsilon ?? Defaults.CodebookEpsilon,
                vq.DeadCodeThreshold ?? Defaults.DeadCodeThreshold,
                code);
    }

    private static bool Check(bool ok, LocationInfo? location, string what, string expected, string actual, List<DiagnosticInfo> diagnostics)
    {
        if (!ok)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuantizerSettingOutOfRange, location, what, expected, actual));
        }

        return ok;
    }

    private static bool NeedsEma(bool isSet, bool ema, string what, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (isSet && !ema)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.QuantizerSettingNeedsEma, location, what));
            return false;
        }

        return true;
    }

    private static string Format(double? value) => value is { } v ? Literals.Format(v) : "unset";

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);
}
