using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// Validates a declared model and infers every layer's shape. Front-end independent: an attribute
/// declaration and a YAML file with the same content get the same diagnostics and the same result.
/// </summary>
internal static class ModelAnalyzer
{
    public static AnalysisResult Analyze(ModelSpec spec)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var name = spec.Type.Name;

        var input = AnalyzeInput(spec, diagnostics);
        var encoder = AnalyzeNetwork(spec, spec.Encoder, "encoder", NetworkRoles.EncodeMethod, input, diagnostics);
        var variational = VariationalAnalysis.Analyze(spec, encoder, diagnostics);
        var code = spec.Latent is VariationalSpec ? variational?.Code : encoder?.Output;
        var decoder = AnalyzeNetwork(spec, spec.Decoder, "decoder", NetworkRoles.DecodeMethod, code, diagnostics);

        if (input is not null && decoder is not null && decoder.Output != input)
        {
            var last = spec.Decoder!.Layers.Count > 0 ? spec.Decoder.Layers[spec.Decoder.Layers.Count - 1].Location : spec.Decoder.Location;
            var hint = OutputPaddingHints.ForMismatch(decoder, input);
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReconstructionShapeMismatch, last, name, decoder.Output.ToString(), input.ToString(), hint?.Text ?? string.Empty));
            diagnostics.AddRange(OutputPaddingHints.ShortLayers(encoder!, decoder, spec.Decoder, hint?.Index));
        }

        if (spec.Decoder is not null)
        {
            CheckLossMatchesOutput(spec, diagnostics);
        }

        var optimizer = ResolveOptimizer(spec.Optimizer, diagnostics);
        var training = TrainingControls.Resolve(spec.Training, diagnostics);
        WeightInits.Validate(spec, diagnostics);
        var regularization = RegularizationAnalysis.Analyze(spec, encoder, diagnostics);
        var quantizer = VectorQuantizedAnalysis.Analyze(spec, encoder, diagnostics);
        var compression = CompressionAnalysis.Analyze(spec, input, encoder, diagnostics);

        var hasErrors = diagnostics.Exists(d => d.IsError);
        var model = hasErrors || input is null || encoder is null || decoder is null
            ? null
            : new AnalyzedModel(spec.Type, input, encoder, decoder, spec.Loss.Kind, optimizer, training)
            {
                Family = (AnalyzedFamily?)variational ?? (AnalyzedFamily?)quantizer ?? (AnalyzedFamily?)compression ?? PlainFamily.Instance,
                Regularization = regularization,
            };
        if (model is not null && !input!.IsFixed)
        {
            var free = FreeSidesAnalysis.Resolve(spec, input, model.Encoder.Layers.Concat(model.LatentLayers).Concat(model.Decoder.Layers), diagnostics);
            model = free is null ? null : model with { Free = free };
        }

        if (model is not null)
        {
            var data = TrainingDataAnalysis.Analyze(spec, input, model.Free, diagnostics);
            model = data is null && diagnostics.Exists(d => d.IsError) ? null : model with { TrainingData = data };
        }
        return new AnalysisResult(model, diagnostics.ToEquatableArray());
    }

    private static Shape? AnalyzeInput(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Input is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.MissingInput, spec.Location, spec.Type.Name));
            return null;
        }

        return FreeSidesAnalysis.Input(spec, diagnostics);
    }

    internal static AnalyzedNetwork? AnalyzeNetwork(ModelSpec spec, NetworkSpec? network, string role, string methodName, Shape? input, List<DiagnosticInfo> diagnostics, string? prefix = null)
    {
        if (network is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.MissingNetwork, spec.Location, spec.Type.Name, role, methodName, NetworkRoles.DefaultParameterName(methodName)));
            return null;
        }

        if (network.Layers.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EmptyNetwork, network.Location, role, spec.Type.Name, network.MethodName));
            return null;
        }

        var valid = true;
        foreach (var layer in network.Layers)
        {
            valid &= layer.Kind.Validate(layer, new LayerCheck(layer, role, diagnostics));
        }

        if (!valid || input is null)
        {
            return null;
        }

        var layers = new LayerContext(role, diagnostics).Sequence(network.Layers, input, prefix ?? role);
        if (layers is null)
        {
            return null;
        }

        var resolved = layers.Select(layer => WeightInits.Resolve(layer, spec.Init.Init)).ToEquatableArray();
        return new AnalyzedNetwork(role, network.MethodName, network.ParameterName, network.Accessibility, network.DeclaredByUser, input, resolved);
    }

    private static void CheckLossMatchesOutput(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var loss = spec.Loss;
        if (!Enum.IsDefined(typeof(ReconstructionLoss), loss.Kind))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, loss.Location, "The loss", "one of " + string.Join(", ", Enum.GetNames(typeof(ReconstructionLoss))), ((int)loss.Kind).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return;
        }

        var (activation, location) = FinalActivation(spec.Decoder!);
        if (loss.Kind == ReconstructionLoss.BinaryCrossEntropy && activation != Activation.Sigmoid)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedCombination,
                location ?? loss.Location,
                "BinaryCrossEntropy needs reconstructions in [0, 1], but the decoder of '" + spec.Type.Name + "' ends with activation " + activation
                + ": end it with Activation.Sigmoid, or use ReconstructionLoss.BinaryCrossEntropyWithLogits and no final activation"));
        }
        else if (loss.Kind == ReconstructionLoss.BinaryCrossEntropyWithLogits && activation != Activation.None)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.UnsupportedCombination,
                location ?? loss.Location,
                "BinaryCrossEntropyWithLogits applies the sigmoid itself, but the decoder of '" + spec.Type.Name + "' already ends with activation " + activation
                + ": remove the final activation, or use ReconstructionLoss.BinaryCrossEntropy with Activation.Sigmoid"));
        }
    }

    /// <summary>The activation that produces the decoder's values: that of the last layer that computes any (see <see cref="LayerKind.OutputActivation"/>).</summary>
    internal static (Activation Activation, LocationInfo? Location) FinalActivation(NetworkSpec decoder)
    {
        for (var i = decoder.Layers.Count - 1; i >= 0; i--)
        {
            var layer = decoder.Layers[i];
            if (layer.Kind.OutputActivation(layer) is { } activation)
            {
                return (activation, layer.Location);
            }
        }

        return (Activation.None, decoder.Location);
    }

    private static ResolvedOptimizer ResolveOptimizer(OptimizerSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var where = spec.Location;
        var kind = spec.Kind;
        if (!Enum.IsDefined(typeof(OptimizerKind), kind))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, where, "The optimizer", "one of " + string.Join(", ", Enum.GetNames(typeof(OptimizerKind))), ((int)kind).ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        var isSgd = kind == OptimizerKind.Sgd;
        var resolved = new ResolvedOptimizer(
            kind,
            LearningRate: spec.LearningRate ?? (isSgd ? 0.01 : 0.001),
            WeightDecay: spec.WeightDecay ?? (kind == OptimizerKind.AdamW ? 0.01 : 0.0),
            Momentum: spec.Momentum ?? 0.0,
            Nesterov: spec.Nesterov ?? false,
            Beta1: spec.Beta1 ?? 0.9,
            Beta2: spec.Beta2 ?? 0.999);

        Check(resolved.LearningRate > 0 && IsFinite(resolved.LearningRate), where, "LearningRate", "a finite number > 0", Literals.Format(resolved.LearningRate), diagnostics);
        Check(resolved.WeightDecay >= 0 && IsFinite(resolved.WeightDecay), where, "WeightDecay", "a finite number ≥ 0", Literals.Format(resolved.WeightDecay), diagnostics);
        Check(resolved.Momentum >= 0 && resolved.Momentum < 1, where, "Momentum", "in [0, 1)", Literals.Format(resolved.Momentum), diagnostics);
        Check(resolved.Beta1 >= 0 && resolved.Beta1 < 1, where, "Beta1", "in [0, 1)", Literals.Format(resolved.Beta1), diagnostics);
        Check(resolved.Beta2 >= 0 && resolved.Beta2 < 1, where, "Beta2", "in [0, 1)", Literals.Format(resolved.Beta2), diagnostics);

        if (!isSgd && (spec.Momentum is not null || spec.Nesterov is not null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, where,
                "Momentum and Nesterov apply to OptimizerKind.Sgd only, but the optimizer is " + kind + "; its momentum is set by Beta1"));
        }

        if (isSgd && (spec.Beta1 is not null || spec.Beta2 is not null))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, where,
                "Beta1 and Beta2 apply to Adam and AdamW only, but the optimizer is Sgd; set Momentum instead"));
        }

        if (isSgd && resolved.Nesterov && resolved.Momentum <= 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, where,
                "Nesterov momentum needs Momentum > 0, but Momentum is " + Literals.Format(resolved.Momentum)));
        }

        return resolved;
    }

    internal static bool Check(bool ok, LocationInfo? location, string what, string expected, string actual, List<DiagnosticInfo> diagnostics)
    {
        if (!ok)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ValueOutOfRange, location, what, expected, actual));
        }

        return ok;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

}

/// <summary>The analyzed model (null if anything is wrong) and every diagnostic found.</summary>
internal sealed record AnalysisResult(AnalyzedModel? Model, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>Set when the model has errors: the stand-in surface that keeps the user's code compiling (see <see cref="ErrorFallback"/>).</summary>
    public ErrorFallback? Fallback { get; init; }
}
