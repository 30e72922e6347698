using System.Collections.Generic;
using System.Linq;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Families;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Analysis
{
    /// <summary>
    /// A vector quantizer with every default filled in, and the code shape it quantises ([D, H, W] or [D]).
    /// </summary>
    /// <param name="DeadCodeThreshold">Codes whose moving average of assignments per batch falls below it are reset; 0 means never.</param>
    internal sealed record AnalyzedVectorQuantizer(
        int Codes,
        int Dimension,
        double CommitmentCost,
        bool Ema,
        double Decay,
        double Epsilon,
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
        public EquatableArray<int> Positions => Code.Dimensions.Skip(1).ToEquatableArray();

        /// <summary>As the summary and the fingerprint write it, e.g. <c>VectorQuantizer(512, 64, EMA)</c>.</summary>
        public string Describe() => "VectorQuantizer(" + Codes + ", " + Dimension + (Ema ? ", EMA" : string.Empty) + ")";
    }

    /// <summary>Checks a declared vector quantizer against its settings and the encoder's output, and resolves its defaults.</summary>
    internal static class VectorQuantizerAnalysis
    {
        public const double DefaultCommitmentCost = 0.25;
        public const double DefaultDecay = 0.99;
        public const double DefaultEpsilon = 1e-5;
        public const double DefaultDeadCodeThreshold = 1.0;

        /// <summary>Null when the model declares no quantizer, or when the declaration has errors (reported).</summary>
        public static AnalyzedVectorQuantizer? Analyze(ModelSpec spec, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
        {
            if (spec.Latent is not VectorQuantizerSpec vq)
            {
                return null;
            }

            var at = vq.Fields;
            var ema = vq.Ema ?? false;
            var valid = Check(vq.Codes >= 2, at.Codes, "The codebook size (codes)", "at least 2", Literals.Format(vq.Codes), diagnostics)
                        & Check(vq.Dimension >= 1, at.Dimension, "The code dimension", "at least 1", Literals.Format(vq.Dimension), diagnostics)
                        & Check(vq.CommitmentCost is not { } beta || beta >= 0 && IsFinite(beta), at.CommitmentCost, "CommitmentCost", "a finite number ≥ 0", Format(vq.CommitmentCost), diagnostics)
                        & Check(vq.Decay is not { } decay || decay > 0 && decay < 1, at.Decay, "Decay", "in (0, 1)", Format(vq.Decay), diagnostics)
                        & Check(vq.Epsilon is not { } epsilon || epsilon > 0 && IsFinite(epsilon), at.Epsilon, "Epsilon", "a finite number > 0", Format(vq.Epsilon), diagnostics)
                        & Check(vq.DeadCodeThreshold is not { } threshold || threshold >= 0 && IsFinite(threshold), at.DeadCodeThreshold, "DeadCodeThreshold", "a finite number ≥ 0 (0 turns resets off)", Format(vq.DeadCodeThreshold), diagnostics)
                        & NeedsEma(vq.Decay is not null, ema, "Decay", at.Decay, diagnostics)
                        & NeedsEma(vq.Epsilon is not null, ema, "Epsilon", at.Epsilon, diagnostics);

            var code = encoder?.Output;
            if (code is not null && vq.Dimension >= 1 && code.Dimensions[0] != vq.Dimension)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.QuantizerDimensionMismatch,
                    at.Dimension ?? vq.Location,
                    spec.Type.Name,
                    code.ToString(),
                    Literals.Format(code.Dimensions[0]),
                    Literals.Format(vq.Dimension)));
                valid = false;
            }

            return !valid || code is null
                ? null
                : new AnalyzedVectorQuantizer(
                    vq.Codes,
                    vq.Dimension,
                    vq.CommitmentCost ?? DefaultCommitmentCost,
                    ema,
                    vq.Decay ?? DefaultDecay,
                    vq.Epsilon ?? DefaultEpsilon,
                    vq.DeadCodeThreshold ?? DefaultDeadCodeThreshold,
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
}
