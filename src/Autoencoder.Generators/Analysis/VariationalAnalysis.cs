using System;
using System.Collections.Generic;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// Validates a [Variational] declaration and adds the two heads (mean and log-variance of q(z | x)) after the encoder's
/// flat features. Also checks that Encode's declared return type fits the model: GaussianCode exactly when it is variational.
/// </summary>
internal static class VariationalAnalysis
{
    public const string MeanHead = "encoder_mean";
    public const string LogVarianceHead = "encoder_log_variance";

    private const string GaussianCode = "GaussianCode";

    /// <summary>The heads and settings of a valid variational model; null when the model is not variational or has errors here.</summary>
    public static AnalyzedVariational? Analyze(ModelSpec spec, AnalyzedNetwork? encoder, List<DiagnosticInfo> diagnostics)
    {
        CheckEncodeReturnType(spec, diagnostics);
        if (spec.Latent is not VariationalSpec variational)
        {
            return null;
        }

        var name = spec.Type.Name;
        var valid = true;
        if (variational.LatentSize < 1)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LatentSizeOutOfRange, variational.Location, name, Literals.Format(variational.LatentSize)));
            valid = false;
        }

        if (!(variational.KlWeight >= 0) || double.IsInfinity(variational.KlWeight))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BetaOutOfRange, variational.Location, name, Literals.Format(variational.KlWeight)));
            valid = false;
        }

        valid &= CheckLikelihood(spec, variational, diagnostics);

        if (encoder is null)
        {
            return null;
        }

        if (encoder.Output.Rank != 1)
        {
            var layers = spec.Encoder!.Layers;
            var last = layers.Count > 0 ? layers[layers.Count - 1].Location : spec.Encoder.Location;
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.VariationalEncoderNotFlat, last ?? variational.Location, name, encoder.Output.ToString()));
            return null;
        }

        if (!valid)
        {
            return null;
        }

        var features = encoder.Output;
        var code = Shape.Of(variational.LatentSize);
        var parameters = ((long)features.Channels * variational.LatentSize) + variational.LatentSize;
        AnalyzedLayer Head(string headName)
        {
            var dense = new DenseSpec(variational.LatentSize, Activation.None, Bias: true, NegativeSlope: 0.01, WeightInit.Default, Location: null);
            return WeightInits.Resolve(new AnalyzedLayer(dense, headName, HasModule: true, features, code, parameters), spec.Init.Init);
        }

        return new AnalyzedVariational(variational.LatentSize, variational.KlWeight, variational.Likelihood, variational.BinarizeInputs, Head(MeanHead), Head(LogVarianceHead));
    }

    private static void CheckEncodeReturnType(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        if (spec.Encoder is not { DeclaredByUser: true } encoder)
        {
            return;
        }

        // A return type that does not resolve and is neither Tensor nor GaussianCode: AE0025 asks for the type, and nothing
        // here can say which one was meant.
        if (encoder.UnresolvedReturnType is { Name: not ("Tensor" or GaussianCode) })
        {
            return;
        }

        var isVariational = spec.Latent is VariationalSpec;
        if (isVariational && !encoder.ReturnsGaussianCode)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.EncodeReturnTypeDoesNotFit,
                encoder.Location,
                encoder.MethodName,
                spec.Type.Name,
                "Tensor",
                "a variational encoder returns the mean and log-variance of q(z | x): declare 'public partial GaussianCode " + encoder.MethodName + "(Tensor " + encoder.ParameterName
                + ");' (GaussianCode is Autoencoder.Runtime.Generative.GaussianCode)"));
        }
        else if (!isVariational && encoder.ReturnsGaussianCode && spec.Latent is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.EncodeReturnTypeDoesNotFit,
                encoder.Location,
                encoder.MethodName,
                spec.Type.Name,
                GaussianCode,
                "'" + spec.Type.Name + "' is not variational: add [Variational(latentSize)] to it, or declare 'public partial Tensor " + encoder.MethodName + "(Tensor " + encoder.ParameterName + ");'"));
        }
    }

    /// <summary>A Bernoulli decoder is trained with binary cross-entropy (on probabilities or logits); a unit-variance Gaussian one with squared error.</summary>
    private static bool CheckLikelihood(ModelSpec spec, VariationalSpec variational, List<DiagnosticInfo> diagnostics)
    {
        var likelihood = variational.Likelihood;
        if (!Enum.IsDefined(typeof(Likelihood), likelihood))
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.ValueOutOfRange, variational.Location, "The Likelihood", "one of " + string.Join(", ", Enum.GetNames(typeof(Likelihood))), ((int)likelihood).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return false;
        }

        var loss = spec.Loss.Kind;
        var fits = likelihood == Likelihood.Bernoulli
            ? loss is ReconstructionLoss.BinaryCrossEntropy or ReconstructionLoss.BinaryCrossEntropyWithLogits
            : loss == ReconstructionLoss.MeanSquaredError;
        if (fits || !Enum.IsDefined(typeof(ReconstructionLoss), loss))
        {
            return true;
        }

        var fix = likelihood == Likelihood.Bernoulli
            ? "a Bernoulli decoder is scored by binary cross-entropy; declare ReconstructionLoss.BinaryCrossEntropy (decoder ending in Sigmoid) or BinaryCrossEntropyWithLogits (no final activation), or Likelihood.Gaussian with MeanSquaredError"
            : "a unit-variance Gaussian decoder is scored by squared error; declare ReconstructionLoss.MeanSquaredError, or Likelihood.Bernoulli with a binary cross-entropy loss";
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.LikelihoodDoesNotFitLoss, variational.Location, likelihood.ToString(), spec.Type.Name, loss.ToString(), fix));
        return false;
    }
}

/// <summary>A valid variational model's settings and its two heads, [B, F] -> [B, LatentSize] each.</summary>
internal sealed record AnalyzedVariational(int LatentSize, double KlWeight, Likelihood Likelihood, bool BinarizeInputs, AnalyzedLayer Mean, AnalyzedLayer LogVariance)
    : AnalyzedFamily
{
    public override FamilyEmitter Emitter => VariationalFamilyEmitter.Instance;

    /// <summary>One latent sample z: [B, LatentSize].</summary>
    public Shape Code => Shape.Of(LatentSize);

    /// <summary>The decoder takes z.</summary>
    public override Shape DecoderInput => Code;

    /// <summary>The heads in module order: mean, then log-variance.</summary>
    public override EquatableArray<AnalyzedLayer> LatentLayers => EquatableArray.Create(Mean, LogVariance);

    /// <summary>The KL term.</summary>
    public override bool HasTerms => true;
}
