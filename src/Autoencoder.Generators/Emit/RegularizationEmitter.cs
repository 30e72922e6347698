using System.Collections.Generic;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// Writes what denoising, sparse and contractive models add to the module: <c>Corrupt</c> and <c>Denoise</c>, the
/// encoder's Jacobian norm, and a training objective whose penalties are named terms of a BatchObjective.
/// </summary>
internal static class RegularizationEmitter
{
    private const string Objective = TorchNames.Runtime + ".Training.BatchObjective";
    private const string Term = TorchNames.Runtime + ".Training.LossTerm";

    /// <summary>The declared amounts and weights as named constants, which the code below uses by name.</summary>
    public static void WriteConstants(SourceWriter w, AnalyzedModel model)
    {
        if (model.Regularization is not { } regularization)
        {
            return;
        }

        if (regularization.Denoising is { } denoising)
        {
            Constant(w, "NoiseAmount", denoising.Amount, denoising.Noise == NoiseKind.Gaussian
                ? "σ of the Gaussian noise <see cref=\"Corrupt\"/> adds."
                : "The fraction of each image that <see cref=\"Corrupt\"/> corrupts.");
        }

        if (regularization.Sparse is { L1Weight: { } l1 })
        {
            Constant(w, "L1Weight", l1, "λ, the weight of the L1 penalty on the code's activations.");
        }

        if (regularization.Sparse is { SparsityTarget: { } target } sparse)
        {
            Constant(w, "SparsityTarget", target, "ρ, the mean activation each code unit should have.");
            Constant(w, "SparsityWeight", sparse.SparsityWeight, "β, the weight of the KL sparsity penalty.");
        }

        if (regularization.Contractive is { } contractive)
        {
            Constant(w, "ContractiveWeight", contractive.ContractiveWeight, "λ, the weight of the contractive penalty ‖J_f(x)‖²_F.");
        }
    }

    private static void Constant(SourceWriter w, string name, double value, string summary)
    {
        w.Line("/// <summary>" + summary + "</summary>");
        w.Line("public const double " + name + " = " + Literals.Format(value) + ";");
        w.Line();
    }

    /// <summary>Replaces the plain <c>TrainingLoss</c> of a model without regularisation.</summary>
    public static void Write(SourceWriter w, AnalyzedModel model, AnalyzedRegularization regularization)
    {
        if (regularization.Denoising is { } denoising)
        {
            WriteCorruption(w, denoising);
        }

        if (regularization.Contractive is { } contractive)
        {
            WriteJacobian(w, model, contractive);
        }

        if (!regularization.HasPenalty)
        {
            w.Line("/// <summary>");
            w.Line("/// The training objective for a batch: while training, reconstruct a corrupted copy and compare the result with the clean");
            w.Line("/// batch; in evaluation, reconstruct the batch itself.");
            w.Line("/// </summary>");
            w.Line("public " + TorchNames.Tensor + " TrainingLoss(" + TorchNames.Tensor + " batch) => LossFunction(forward(training ? Corrupt(batch) : batch), batch);");
            return;
        }

        WriteObjective(w, model, regularization);
    }

    /// <summary>
    /// For a model with a latent code (variational, vector-quantised, compressed) that also declares denoising: writes
    /// <c>Corrupt</c> and <c>Denoise</c>. Its <c>TrainingObjective</c> then feeds the encoder <see cref="WriteCorruptedInput"/>.
    /// </summary>
    internal static void WriteCorruptionIfDeclared(SourceWriter w, AnalyzedModel model)
    {
        if (model.Regularization?.Denoising is { } denoising)
        {
            WriteCorruption(w, denoising);
        }
    }

    /// <summary>
    /// Inside a latent model's <c>TrainingObjective</c>: the encoder's input, corrupted while training when the model declares
    /// denoising (<paramref name="clean"/> stays the target), else <paramref name="clean"/> itself.
    /// </summary>
    internal static string WriteCorruptedInput(SourceWriter w, AnalyzedModel model, string clean)
    {
        if (model.Regularization?.Denoising is null)
        {
            return clean;
        }

        w.Line("// Corrupted while training only; the clean batch is the target.");
        w.Line("var input = training ? Corrupt(" + clean + ") : " + clean + ";");
        return "input";
    }

    /// <summary><c>Corrupt</c> and <c>Denoise</c>.</summary>
    private static void WriteCorruption(SourceWriter w, ResolvedDenoising denoising)
    {
        var tensor = TorchNames.Tensor;
        var amount = Literals.Format(denoising.Amount);
        var (function, description) = denoising.Noise switch
        {
            NoiseKind.Masking => ("Masking", "masking noise: " + Percent(denoising.Amount) + " of each image's pixels, chosen at random, set to 0"),
            NoiseKind.SaltAndPepper => ("SaltAndPepper", "salt-and-pepper noise: " + Percent(denoising.Amount) + " of each image's pixels, chosen at random, set to 0 or 1"),
            NoiseKind.Block => ("Block", "block noise: in each image, a square whose side is " + Percent(denoising.Amount) + " of the image's shorter side, at a random place, set to 0"),
            _ => ("Gaussian", "Gaussian noise with σ = " + amount + (denoising.Clip ? ", clipped to [0, 1]" : ", not clipped (values may leave [0, 1])")),
        };

        w.Line("/// <summary>");
        w.Line("/// The declared corruption, " + description + ".");
        w.Line("/// Draws from <paramref name=\"generator\"/> (torch's global generator if null). Training feeds the model corrupted");
        w.Line("/// batches and compares its reconstructions with the clean ones.");
        w.Line("/// </summary>");
        w.Line("public static " + tensor + " Corrupt(" + tensor + " images, " + TorchNames.Torch + ".Generator? generator = null) =>");
        w.Line("    " + TorchNames.Runtime + ".Corruption.ImageCorruption." + function + "(images, NoiseAmount, generator" + (denoising.Clip ? string.Empty : ", clip: false") + ");");
        w.Line();
        w.Line("/// <summary>Restores corrupted images: their reconstruction in data space. Call it in eval mode, as after training.</summary>");
        w.Line("public " + tensor + " Denoise(" + tensor + " noisy) => Reconstruct(noisy);");
        w.Line();
    }

    private static void WriteJacobian(SourceWriter w, AnalyzedModel model, ResolvedContractive contractive)
    {
        var tensor = TorchNames.Tensor;
        var units = model.Code.ToText().Replace(", ", " · ");
        w.Line("/// <summary>");
        w.Line("/// ‖J_f(x)‖²_F, the squared Frobenius norm of the encoder's Jacobian at each sample, as a [B] tensor.");
        if (contractive.ClosedFormLayer is { } layer)
        {
            w.Line("/// In closed form, because the encoder is one sigmoid Dense layer: J = diag(h ⊙ (1 − h))·W, so");
            w.Line("/// ‖J‖²_F = Σ_j (h_j(1 − h_j))² Σ_i W_ji², with no backward pass.");
            w.Line("/// </summary>");
            w.Line("public " + tensor + " JacobianNormSquared(" + tensor + " input) => JacobianNormSquaredOfCode(" + model.Encoder.MethodName + "(input));");
            w.Line();
            w.Line("/// <summary>The closed form from the code h = sigmoid(Wx + b) itself: [B, " + units + "] -> [B].</summary>");
            w.Open("private " + tensor + " JacobianNormSquaredOfCode(" + tensor + " code)");
            w.Line("// Σ_i W_ji², the squared norm of each code unit's weights: [" + units + "]");
            w.Line("var weightNorms = " + layer + ".weight!.pow(" + w.Scalars.Integer(2) + ").sum(1);");
            w.Line("// (h_j(1 − h_j))², the squared slope of each unit's sigmoid, with 1 − h as −h + 1: [B, " + units + "]");
            w.Line("var slopes = code.mul(code.neg().add(" + w.Scalars.Real(1.0) + ", " + w.Scalars.One() + ")).pow(" + w.Scalars.Integer(2) + ");");
            w.Line("return slopes.matmul(weightNorms);");
            w.Close();
        }
        else
        {
            w.Line("/// By autograd, because " + contractive.AutogradReason + ": exact, with one");
            w.Line("/// vector-Jacobian product per code unit, so " + Literals.Format(model.Code.Size) + " backward passes per batch.");
            w.Line("/// </summary>");
            w.Line("public " + tensor + " JacobianNormSquared(" + tensor + " input) =>");
            w.Line("    " + TorchNames.Runtime + ".Regularization.EncoderJacobian.SquaredFrobeniusNorm(" + model.Encoder.MethodName + ", input);");
        }

        w.Line();
    }

    private static void WriteObjective(SourceWriter w, AnalyzedModel model, AnalyzedRegularization regularization)
    {
        var tensor = TorchNames.Tensor;
        var code = model.Code.ToString();
        var terms = new List<(string Name, string Local)> { ("reconstruction", "reconstruction") };

        w.Line("/// <summary>");
        w.Line("/// The training objective for a batch: the reconstruction loss plus the declared penalties, each a named term of the log.");
        w.Line("/// </summary>");
        w.Open("public " + Objective + " TrainingObjective(" + tensor + " batch)");
        var input = "batch";
        if (regularization.Denoising is not null)
        {
            w.Line("// Corrupted while training only; the clean batch is the target.");
            w.Line("var input = training ? Corrupt(batch) : batch;");
            input = "input";
        }

        w.Line("// code: " + code);
        w.Line("var code = " + model.Encoder.MethodName + "(" + input + ");");
        w.Line("var reconstruction = LossFunction(" + model.Decoder.MethodName + "(code), batch);");
        if (regularization.Sparse is { } sparse)
        {
            if (sparse.L1Weight is { } l1)
            {
                w.Line("// λ · Σ_j |h_j|, averaged over the batch.");
                w.Line("var l1 = code.abs().flatten(1).sum(1).mean().mul(" + w.Scalars.Real("L1Weight") + ");");
                terms.Add(("l1", "l1"));
            }

            if (sparse.SparsityTarget is { } target)
            {
                const string rho = "SparsityTarget", rest = "1 - SparsityTarget";
                w.Line("// β · Σ_j KL(ρ ‖ ρ̂_j) with ρ = " + Literals.Format(target) + ", where ρ̂_j is unit j's mean activation over the batch;");
                w.Line("// kept inside (0, 1) so that a saturated unit gives a large but finite penalty.");
                w.Line("var meanActivation = code.flatten(1).mean(new long[] { 0 }).clamp(" + w.Scalars.Real("1e-6") + ", " + w.Scalars.Real("1 - 1e-6") + ");");
                w.Line("// KL(ρ ‖ ρ̂_j) = ρ log(ρ / ρ̂_j) + (1 − ρ) log((1 − ρ) / (1 − ρ̂_j)), a number c over a tensor t as TorchSharp's c / t: t.reciprocal().mul(c).");
                w.Line("var klActive = meanActivation.reciprocal().mul(" + w.Scalars.Real(rho) + ").log().mul(" + w.Scalars.Real(rho) + ");");
                w.Line("var klInactive = meanActivation.neg().add(" + w.Scalars.Real(1.0) + ", " + w.Scalars.One() + ").reciprocal().mul(" + w.Scalars.Real(rest) + ").log().mul(" + w.Scalars.Real(rest) + ");");
                w.Line("var klSparsity = klActive.add(klInactive, " + w.Scalars.One() + ").sum().mul(" + w.Scalars.Real("SparsityWeight") + ");");
                terms.Add(("kl_sparsity", "klSparsity"));
            }
        }

        if (regularization.Contractive is { } contractive)
        {
            w.Line("// λ · ‖J_f(x)‖²_F, averaged over the batch.");
            var norms = contractive.ClosedFormLayer is null ? "JacobianNormSquared(" + input + ")" : "JacobianNormSquaredOfCode(code)";
            w.Line("var contractive = " + norms + ".mean().mul(" + w.Scalars.Real("ContractiveWeight") + ");");
            terms.Add(("contractive", "contractive"));
        }

        var sum = terms[0].Local;
        for (var i = 1; i < terms.Count; i++)
        {
            sum += ".add(" + terms[i].Local + ", " + w.Scalars.One() + ")";
        }

        w.Line("return new " + Objective + "(");
        w.Line("    " + sum + ",");
        for (var i = 0; i < terms.Count; i++)
        {
            w.Line("    new " + Term + "(\"" + terms[i].Name + "\", " + terms[i].Local + ")" + (i == terms.Count - 1 ? ");" : ","));
        }

        w.Close();
        w.Line();
        w.Line("/// <summary>The loss of <see cref=\"TrainingObjective\"/> alone.</summary>");
        w.Line("public " + tensor + " TrainingLoss(" + tensor + " batch) => TrainingObjective(batch).Loss;");
    }

    private static string Percent(double fraction)
        => System.Math.Round(fraction * 100, 4).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
