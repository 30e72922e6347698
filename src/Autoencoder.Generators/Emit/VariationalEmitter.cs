namespace Autoencoder.Generators.Emit;

/// <summary>
/// The members of a variational autoencoder: Encode returning the posterior's parameters, the reparameterisation, the
/// likelihood and closed-form KL, the negative-ELBO objective with its terms, prior sampling and latent interpolation;
/// and, in the trainer, the importance-sampled test NLL.
/// </summary>
internal static class VariationalEmitter
{
    public const string GaussianCode = TorchNames.Runtime + ".Generative.GaussianCode";
    private const string Generator = TorchNames.Torch + ".Generator";
    private const string Training = TorchNames.Runtime + ".Training";

    /// <summary>Encode: the declared layers to flat features, then the two heads.</summary>
    public static void WriteEncoder(SourceWriter w, AnalyzedModel model, AnalyzedVariational v)
    {
        var encoder = model.Encoder;
        var p = encoder.ParameterName;
        w.Line("/// <summary>");
        w.Line("/// The encoder: " + encoder.Input + " -> " + encoder.Output + " features, then two heads for the mean and log-variance of");
        w.Line("/// the diagonal Gaussian q(z | x), each " + v.Code + ".");
        w.Line("/// </summary>");
        var modifiers = encoder.DeclaredByUser ? encoder.Accessibility + " partial " : encoder.Accessibility + " ";
        w.Open(modifiers + GaussianCode + " " + encoder.MethodName + "(" + TorchNames.Tensor + " " + p + ")");
        NetworkWriter.WriteLayers(w, encoder.Layers, p);
        w.Line("// Heads " + v.Mean.Name + " and " + v.LogVariance.Name + ", Dense(" + v.LatentSize + ") each: " + encoder.Output + " -> " + v.Code);
        w.Line("return new " + GaussianCode + "(" + v.Mean.Name + ".forward(" + p + "), " + v.LogVariance.Name + ".forward(" + p + "));");
        w.Close();
        w.Line();
    }

    public static void WriteMembers(SourceWriter w, AnalyzedModel model, AnalyzedVariational v)
    {
        var tensor = TorchNames.Tensor;
        var torch = TorchNames.Torch;
        var input = model.Input;
        var encode = model.Encoder.MethodName;
        var decode = model.Decoder.MethodName;
        var isLogits = model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits;

        w.Line("/// <summary>Latent units: the size of z.</summary>");
        w.Line("public const int LatentSize = " + Literals.Format(v.LatentSize) + ";");
        w.Line();
        w.Line("/// <summary>Weight of the KL term in the objective: 1 is the ELBO, more than 1 a β-VAE.</summary>");
        w.Line("public const double KlWeight = " + Literals.Format(v.KlWeight) + ";");
        w.Line();

        w.Line("/// <summary>");
        w.Line("/// A sample of q(z | x) by the reparameterisation trick, z = μ + σ·ε with ε ~ N(0, I): the noise is an input,");
        w.Line("/// so gradients reach μ and log σ². " + v.Code + ".");
        w.Line("/// </summary>");
        w.Open("public static " + tensor + " Reparameterize(" + GaussianCode + " code, " + Generator + "? generator = null)");
        w.Line("var sigma = code.LogVariance.mul(" + w.Scalars.Real(0.5) + ").exp();   // σ = exp(½ log σ²)");
        w.Line("var epsilon = " + torch + ".randn(sigma.shape, dtype: sigma.dtype, device: sigma.device, generator: generator);");
        w.Line("return code.Mean.add(sigma * epsilon, " + w.Scalars.One() + ");");
        w.Close();
        w.Line();

        w.Line("/// <summary>");
        w.Line("/// Reconstructs a batch, " + input + " -> " + model.Decoder.Output + ". In training mode it decodes a sample of q(z | x)");
        w.Line("/// (<see cref=\"Reparameterize\"/>); in evaluation mode (after <c>eval()</c>) it decodes the mean μ, so it is deterministic.");
        w.Line("/// </summary>");
        w.Open("public override " + tensor + " forward(" + tensor + " input)");
        w.Line("var code = " + encode + "(input);");
        w.Line("return " + decode + "(training ? Reparameterize(code) : code.Mean);");
        w.Close();
        w.Line();

        ReconstructionMembers.WriteReconstruct(w, model, " (see <see cref=\"forward\"/> for the mode)");

        WriteLogLikelihood(w, model, v);

        w.Line("/// <summary>KL(q(z | x) ‖ N(0, I)) per sample, [B], in closed form: ½ Σ (μ² + σ² − 1 − log σ²) over the latent units.</summary>");
        w.Line("public static " + tensor + " KlDivergence(" + GaussianCode + " code) =>");
        w.Line("    code.Mean.pow(" + w.Scalars.Integer(2) + ").add(code.LogVariance.exp(), " + w.Scalars.One() + ").sub(code.LogVariance).sub(" + w.Scalars.Real(1.0) + ").sum(1).mul(" + w.Scalars.Real(0.5) + ");");
        w.Line();

        RegularizationEmitter.WriteCorruptionIfDeclared(w, model);
        WriteObjective(w, model, v);
        WriteSample(w, model, v, isLogits);
        WriteInterpolate(w, model, v, isLogits);
    }

    private static void WriteLogLikelihood(SourceWriter w, AnalyzedModel model, AnalyzedVariational v)
    {
        var tensor = TorchNames.Tensor;
        var decode = model.Decoder.MethodName;
        var size = Literals.Format(model.Input.Size);
        var reduction = TorchNames.Nn + ".Reduction.None";
        w.Line("/// <summary>");
        if (v.Likelihood == Likelihood.Gaussian)
        {
            w.Line("/// log p(x | z) per sample, [B], in nats, under a unit-variance Gaussian centred on the decoder's output:");
            w.Line("/// −½‖x − Decode(z)‖² − (D/2)·log 2π with D = " + size + ". x: " + model.Input + "; z: " + v.Code + ".");
            w.Line("/// </summary>");
            w.Line("public " + tensor + " LogLikelihood(" + tensor + " x, " + tensor + " z) =>");
            w.Line("    (x - " + decode + "(z)).pow(" + w.Scalars.Integer(2) + ").flatten(1).sum(1).mul(" + w.Scalars.Real(-0.5) + ").sub(" + w.Scalars.Real(size + " * 0.5 * global::System.Math.Log(2 * global::System.Math.PI)") + ");");
        }
        else
        {
            var logits = model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits;
            w.Line("/// log p(x | z) per sample, [B], in nats, under independent Bernoulli pixels whose " + (logits ? "logits" : "probabilities") + " the decoder outputs:");
            w.Line("/// minus the binary cross-entropy summed over the " + size + " values. x: " + model.Input + "; z: " + v.Code + ".");
            w.Line("/// </summary>");
            w.Line("public " + tensor + " LogLikelihood(" + tensor + " x, " + tensor + " z) =>");
            w.Line("    " + TorchNames.Functional + "." + ReconstructionMembers.Function(model.Loss) + "(" + decode + "(z), x, reduction: " + reduction + ").flatten(1).sum(1).neg();");
        }

        w.Line();
    }

    private static void WriteObjective(SourceWriter w, AnalyzedModel model, AnalyzedVariational v)
    {
        var tensor = TorchNames.Tensor;
        w.Line("/// <summary>");
        w.Line("/// The negative ELBO of a batch in nats per sample: the batch mean of −log p(x | z) + " + (v.KlWeight == 1 ? string.Empty : "β·") + "KL(q(z | x) ‖ N(0, I)), with one z");
        w.Line("/// drawn from q(z | x) per sample, in training and evaluation alike (the objective is the bound).");
        if (v.BinarizeInputs)
        {
            w.Line("/// While training, each batch is binarised afresh (dynamic binarisation) and the binary batch is both input and target.");
        }

        w.Line("/// Its terms are <c>reconstruction</c> (−log p(x | z)) and <c>kl</c>, each averaged over the batch.");
        w.Line("/// </summary>");
        w.Open("public " + Training + ".BatchObjective TrainingObjective(" + tensor + " batch)");
        if (v.BinarizeInputs)
        {
            w.Line("// A new draw for every batch, so the model never sees the same binary image twice; evaluation data is binarised once, by the caller.");
            w.Line("var x = training ? " + TorchNames.Runtime + ".Corruption.ImageCorruption.Binarize(batch) : batch;");
        }
        else
        {
            w.Line("var x = batch;");
        }

        w.Line("var code = " + model.Encoder.MethodName + "(" + RegularizationEmitter.WriteCorruptedInput(w, model, "x") + ");");
        w.Line("var reconstruction = LogLikelihood(x, Reparameterize(code)).neg();   // [B]");
        w.Line("var kl = KlDivergence(code);                                           // [B]");
        w.Line("var loss = reconstruction.add(" + (v.KlWeight == 1 ? "kl" : "kl.mul(" + w.Scalars.Real("KlWeight") + ")") + ", " + w.Scalars.One() + ").mean();");
        w.Line("return new " + Training + ".BatchObjective(");
        w.Line("    loss,");
        w.Line("    new " + Training + ".LossTerm(\"reconstruction\", reconstruction.mean()),");
        w.Line("    new " + Training + ".LossTerm(\"kl\", kl.mean()));");
        w.Close();
        w.Line();
    }

    private static void WriteSample(SourceWriter w, AnalyzedModel model, AnalyzedVariational v, bool isLogits)
    {
        var torch = TorchNames.Torch;
        var output = Batch("count", model.Decoder.Output);
        w.Line("/// <summary>");
        w.Line("/// Draws <paramref name=\"count\"/> images from the model: z ~ N(0, I), [count, " + v.LatentSize + "], decoded to the mean of p(x | z)");
        w.Line("/// " + (v.Likelihood == Likelihood.Bernoulli ? "(pixel probabilities)" : "(the decoder's output)") + ", " + output
               + ". Without gradients, in the module's current mode: call <c>eval()</c> first.");
        w.Line("/// </summary>");
        w.Open("public " + TorchNames.Tensor + " Sample(int count, " + Generator + "? generator = null)");
        w.Line("global::System.ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);");
        w.Line("using var scope = " + torch + ".NewDisposeScope();");
        w.Line("using var noGrad = " + torch + ".no_grad();");
        w.Line("var weight = " + v.Mean.Name + ".weight!;   // the model's dtype and device");
        w.Line("var z = " + torch + ".randn(new long[] { count, LatentSize }, dtype: weight.dtype, device: weight.device, generator: generator);");
        w.Line("return " + Decoded(model, "z", isLogits) + ".MoveToOuterDisposeScope();");
        w.Close();
        w.Line();
    }

    private static void WriteInterpolate(SourceWriter w, AnalyzedModel model, AnalyzedVariational v, bool isLogits)
    {
        var torch = TorchNames.Torch;
        var output = model.Decoder.Output.ToCSharpList();
        w.Line("/// <summary>");
        w.Line("/// Decodes the straight line between the posterior means of <paramref name=\"a\"/> and <paramref name=\"b\"/> (each [N, " + model.Input.ToCSharpList() + "]):");
        w.Line("/// <paramref name=\"steps\"/> evenly spaced points from μ(a) to μ(b), both included, [N, steps, " + output + "].");
        w.Line("/// Without gradients, in the module's current mode: call <c>eval()</c> first.");
        w.Line("/// </summary>");
        w.Open("public " + TorchNames.Tensor + " Interpolate(" + TorchNames.Tensor + " a, " + TorchNames.Tensor + " b, int steps)");
        w.Line("global::System.ArgumentOutOfRangeException.ThrowIfLessThan(steps, 2);");
        w.Open("if (!global::System.Linq.Enumerable.SequenceEqual(a.shape, b.shape))");
        w.Line("throw new global::System.ArgumentException(\"The two batches must have the same shape.\", nameof(b));");
        w.Close();
        w.Line();
        w.Line("using var scope = " + torch + ".NewDisposeScope();");
        w.Line("using var noGrad = " + torch + ".no_grad();");
        w.Line("var start = " + model.Encoder.MethodName + "(a).Mean.unsqueeze(1);   // [N, 1, " + v.LatentSize + "]");
        w.Line("var end = " + model.Encoder.MethodName + "(b).Mean.unsqueeze(1);     // [N, 1, " + v.LatentSize + "]");
        w.Line("var t = " + torch + ".linspace(0, 1, steps, dtype: start.dtype, device: start.device).reshape(1, steps, 1);   // [1, steps, 1]");
        w.Line("var path = start.add(t * (end - start), " + w.Scalars.One() + ");                      // [N, steps, " + v.LatentSize + "]");
        w.Line("var images = " + Decoded(model, "path.reshape(-1, LatentSize)", isLogits) + ";   // [N·steps, " + output + "]");
        w.Line("return images.reshape(a.shape[0], steps, " + output + ").MoveToOuterDisposeScope();");
        w.Close();
    }

    /// <summary>The trainer's importance-sampled NLL, beside its Evaluate.</summary>
    public static void WriteTrainerMembers(SourceWriter w, AnalyzedModel model)
    {
        var generative = TorchNames.Runtime + ".Generative";
        w.Line("/// <summary>");
        w.Line("/// The negative log-likelihood −log p(x) of <paramref name=\"inputs\"/> in nats per sample, estimated by importance sampling");
        w.Line("/// with <paramref name=\"samples\"/> draws from q(z | x) per sample (the IWAE bound of Burda et al. 2016, which tightens as");
        w.Line("/// <paramref name=\"samples\"/> grows; their Table 1 uses 5000), in evaluation mode. At most <paramref name=\"pairsPerCall\"/>");
        w.Line("/// (image, sample) pairs are decoded at once: large enough to keep the matrix products efficient, small enough to bound memory.");
        w.Line("/// </summary>");
        w.Line("public " + generative + ".NllReport EvaluateNll(" + TorchNames.Tensor + " inputs, int samples = 5000, " + Generator
               + "? generator = null, global::System.IProgress<long>? progress = null, int pairsPerCall = 5000) =>");
        w.Line("    " + generative + ".ImportanceSampling.NegativeLogLikelihood(Model, Model." + model.Encoder.MethodName + ", Model.LogLikelihood, inputs, samples, pairsPerCall, generator, progress);");
        w.Line();
    }

    private static string Decoded(AnalyzedModel model, string z, bool isLogits)
        => isLogits ? TorchNames.Torch + ".sigmoid(" + model.Decoder.MethodName + "(" + z + "))" : model.Decoder.MethodName + "(" + z + ")";

    private static string Batch(string batch, Shape shape) => "[" + batch + ", " + shape.ToCSharpList() + "]";
}
