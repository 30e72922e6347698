using System;
using System.Collections.Generic;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// Validates denoising, sparse and contractive declarations and resolves them for the emitter: the amounts in range, a
/// sparse declaration with a penalty, a sigmoid code for the KL target, no code penalty on a latent distribution, and which
/// form of the contractive penalty the encoder allows.
/// </summary>
internal static class RegularizationAnalysis
{
    /// <summary>Default β of the KL sparsity penalty, as on the attribute.</summary>

    public static AnalyzedRegularization? Analyze(ModelSpec spec, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Regularization is not { } declared)
        {
            return null;
        }

        var denoising = declared.Denoising is { } d ? Denoising(spec, d, diagnostics) : null;
        var sparse = declared.Sparse is { } s ? Sparse(spec, s, diagnostics) : null;
        var contractive = declared.Contractive is { } c ? Contractive(spec, c, encoder, diagnostics) : null;

        // A compression model reports its own error for a code penalty (AE0053, CompressionAnalysis).
        if (spec.Latent is { } latent and not CompressionSpec)
        {
            var kind = LatentName(latent);
            if (declared.Sparse is { } sparseSpec)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PenaltyWithLatent, sparseSpec.Location ?? spec.Location, "The sparsity penalty", spec.Type.Name, kind));
            }

            if (declared.Contractive is { } contractiveSpec)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.PenaltyWithLatent, contractiveSpec.Location ?? spec.Location, "The contractive penalty", spec.Type.Name, kind));
            }
        }

        return new AnalyzedRegularization(denoising, sparse, contractive);
    }

    private static ResolvedDenoising? Denoising(ModelSpec model, DenoisingSpec spec, List<DiagnosticInfo> diagnostics)
    {
        if (!Enum.IsDefined(typeof(NoiseKind), spec.Noise))
        {
            OutOfRange(spec.Location, "The noise of Denoising", "one of " + string.Join(", ", Enum.GetNames(typeof(NoiseKind))), Literals.Format((long)spec.Noise), diagnostics);
            return null;
        }

        var ok = spec.Noise switch
        {
            NoiseKind.Gaussian => Check(spec.Amount >= 0 && !double.IsInfinity(spec.Amount), spec.Location, "The amount of Gaussian noise (its σ)", "a finite number ≥ 0", spec.Amount, diagnostics),
            NoiseKind.Block => Check(spec.Amount >= 0 && spec.Amount <= 1, spec.Location, "The amount of Block noise (the square's side, as a fraction of the image's shorter side)", "in [0, 1]", spec.Amount, diagnostics),
            _ => Check(spec.Amount >= 0 && spec.Amount <= 1, spec.Location, "The amount of " + spec.Noise + " noise (the fraction of pixels corrupted)", "in [0, 1]", spec.Amount, diagnostics),
        };

        // A square needs height and width: [C, H, W].
        if (spec.Noise == NoiseKind.Block && model.Input is { } input && input.Dimensions.Count != 3)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BlockNoiseNeedsImages, spec.Location ?? model.Location, model.Type.Name, "[" + string.Join(", ", input.Dimensions) + "]"));
            ok = false;
        }

        if (spec.PredictNoise)
            ok &= NoisePrediction(model, spec, diagnostics);

        // Masking, salt-and-pepper and block noise only set pixels to 0 or 1: there is nothing to clip.
        if (!spec.Clip && spec.Noise != NoiseKind.Gaussian)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, spec.Location ?? model.Location,
                "Clip = false applies to Gaussian noise; " + spec.Noise + " noise on '" + model.Type.Name + "' only sets pixels to 0 or 1, which need no clipping: remove it"));
            ok = false;
        }

        return ok ? new ResolvedDenoising(spec.Noise, spec.Amount, spec.PredictNoise, spec.Clip) : null;
    }

    // The model returns its input minus the network's output: values that leave [0, 1], from a prediction of either sign.
    private static bool NoisePrediction(ModelSpec model, DenoisingSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        if (model.Loss.Kind is ReconstructionLoss.BinaryCrossEntropy or ReconstructionLoss.BinaryCrossEntropyWithLogits)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, spec.Location ?? model.Location,
                "PredictNoise makes '" + model.Type.Name + "' return its input minus the predicted noise, which is not a probability: use ReconstructionLoss.MeanSquaredError or L1, not " + model.Loss.Kind));
            ok = false;
        }

        if (model.Decoder is { Layers.Count: > 0 } decoder && ModelAnalyzer.FinalActivation(decoder) is ({ } activation, var location)
            && activation is Activation.Sigmoid or Activation.ReLU)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, location ?? spec.Location ?? model.Location,
                "With PredictNoise the decoder of '" + model.Type.Name + "' predicts noise, which takes either sign, but it ends with Activation." + activation + ": end it with no activation"));
            ok = false;
        }

        return ok;
    }

    private static ResolvedSparse? Sparse(ModelSpec model, SparseSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var ok = true;
        if (spec.L1Weight is { } l1)
        {
            ok &= Check(l1 >= 0 && !double.IsInfinity(l1), spec.Location, "L1Weight of Sparse", "a finite number ≥ 0", l1, diagnostics);
        }

        if (spec.SparsityTarget is { } target)
        {
            ok &= Check(target > 0 && target < 1, spec.Location, "SparsityTarget of Sparse", "in (0, 1)", target, diagnostics);
        }

        if (spec.SparsityWeight is { } weight)
        {
            ok &= Check(weight >= 0 && !double.IsInfinity(weight), spec.Location, "SparsityWeight of Sparse", "a finite number ≥ 0", weight, diagnostics);
        }

        if (spec.L1Weight is null && spec.SparsityTarget is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SparsePenaltyIncomplete, spec.Location,
                "The sparse autoencoder '" + model.Type.Name + "' declares no penalty: set L1Weight (λ of the code's L1 norm), SparsityTarget (ρ, the mean activation each code unit should have) or both, e.g. Sparse(L1Weight = 1e-4) or Sparse(SparsityTarget = 0.05, SparsityWeight = 3)"));
            return null;
        }

        if (spec.SparsityTarget is null && spec.SparsityWeight is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.SparsePenaltyIncomplete, spec.Location,
                "SparsityWeight of Sparse is β of the KL sparsity penalty, which needs a SparsityTarget (ρ) too: set e.g. SparsityTarget = 0.05, or remove SparsityWeight (L1Weight weighs the L1 penalty)"));
            ok = false;
        }

        if (spec.SparsityTarget is not null && model.Encoder is { Layers.Count: > 0 } encoder)
        {
            var (activation, location) = ModelAnalyzer.FinalActivation(encoder);
            if (activation != Activation.Sigmoid)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.KlSparsityNeedsSigmoidCode, location ?? spec.Location, model.Type.Name, activation.ToString()));
                ok = false;
            }
        }

        return ok ? new ResolvedSparse(spec.L1Weight, spec.SparsityTarget, spec.SparsityWeight ?? Defaults.SparsityWeight) : null;
    }

    private static ResolvedContractive? Contractive(ModelSpec model, ContractiveSpec spec, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
    {
        var ok = Check(spec.ContractiveWeight >= 0 && !double.IsInfinity(spec.ContractiveWeight), spec.Location, "ContractiveWeight of Contractive", "a finite number ≥ 0", spec.ContractiveWeight, diagnostics);
        if (model.Encoder is { } declared)
        {
            foreach (var layer in declared.Layers)
            {
                if (MixesSamples(layer) is { } mixing)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContractiveEncoderMixesSamples, mixing.Location ?? spec.Location, model.Type.Name, mixing.Describe()));
                    ok = false;
                }
            }
        }

        if (encoder is { Output.IsFixed: false })
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, spec.Location ?? model.Location,
                "The contractive penalty takes one backward pass per code unit, so it needs a code of fixed size, but the code of '" + model.Type.Name + "' is "
                + encoder.Output + ": declare a fixed input size, or use the sparse penalty"));
            ok = false;
        }

        if (!ok)
        {
            return null;
        }

        var closedForm = encoder is null ? null : ClosedFormLayer(encoder);
        return new ResolvedContractive(spec.ContractiveWeight, closedForm, closedForm is null && encoder is not null ? WhyNotClosedForm(encoder) : null);
    }

    /// <summary>BatchNorm, directly or inside a residual block: while training, each code depends on the whole batch.</summary>
    private static LayerSpec? MixesSamples(LayerSpec layer) => layer.Kind.BatchDependent(layer);

    /// <summary>
    /// The Dense layer of an encoder that is one sigmoid Dense layer after an optional Flatten, whose Jacobian is
    /// diag(h ⊙ (1 − h))·W in closed form; null for any other encoder.
    /// </summary>
    private static string? ClosedFormLayer(AnalyzedNetwork encoder)
    {
        var layers = encoder.Layers;
        var start = layers.Count == 2 && layers[0].Layer is FlattenSpec ? 1 : 0;
        return layers.Count - start == 1 && layers[start].Layer is DenseSpec { Activation: Activation.Sigmoid } ? layers[start].Name : null;
    }

    /// <summary>Why <see cref="ClosedFormLayer"/> found no closed form, in words for the generated doc comment.</summary>
    private static string WhyNotClosedForm(AnalyzedNetwork encoder)
    {
        var layers = encoder.Layers;
        var start = layers.Count > 0 && layers[0].Layer is FlattenSpec ? 1 : 0;
        return layers.Count - start == 1
            ? "its layer, " + layers[start].Layer.Describe() + ", is not a sigmoid Dense layer"
            : "the encoder has " + (layers.Count - start) + " layers" + (start == 1 ? " after its Flatten" : string.Empty) + ", not one sigmoid Dense layer";
    }

    private static string LatentName(LatentSpec latent)
    {
        var name = latent.GetType().Name;
        return name.EndsWith("Spec", StringComparison.Ordinal) ? name.Substring(0, name.Length - 4) : name;
    }

    private static bool Check(bool ok, LocationInfo? location, string what, string expected, double actual, List<DiagnosticInfo> diagnostics)
    {
        if (!ok)
        {
            OutOfRange(location, what, expected, Literals.Format(actual), diagnostics);
        }

        return ok;
    }

    private static void OutOfRange(LocationInfo? location, string what, string expected, string actual, List<DiagnosticInfo> diagnostics)
        => diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.RegularizationOutOfRange, location, what, expected, actual));
}

/// <summary>What the emitter needs of a model's corruption and penalties.</summary>
internal sealed record AnalyzedRegularization(ResolvedDenoising? Denoising, ResolvedSparse? Sparse, ResolvedContractive? Contractive)
{
    /// <summary>True when the loss has terms beside the reconstruction, so the module emits a TrainingObjective.</summary>
    public bool HasPenalty => Sparse is not null || Contractive is not null;
}

/// <param name="PredictNoise">The network predicts the noise; forward returns the input minus it (residual learning).</param>
/// <param name="Clip">Gaussian noise is clipped to [0, 1].</param>
internal sealed record ResolvedDenoising(NoiseKind Noise, double Amount, bool PredictNoise, bool Clip);

/// <param name="L1Weight">λ of the L1 penalty; null for none.</param>
/// <param name="SparsityTarget">ρ of the KL penalty; null for none.</param>
/// <param name="SparsityWeight">β of the KL penalty.</param>
internal sealed record ResolvedSparse(double? L1Weight, double? SparsityTarget, double SparsityWeight);

/// <param name="ClosedFormLayer">The encoder's one sigmoid Dense layer when the closed form applies; null for autograd.</param>
/// <param name="AutogradReason">Why the closed form does not apply, for the generated doc comment; null with the closed form.</param>
internal sealed record ResolvedContractive(double ContractiveWeight, string? ClosedFormLayer, string? AutogradReason);
