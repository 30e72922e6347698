using System.Linq;

namespace Autoencoder.Generators.Emit;

/// <summary>
/// Wires a VQ-VAE's codebook into the module (van den Oord et al. 2017): its settings as constants, the runtime's
/// <c>VectorQuantizer</c> (which holds the algorithm: nearest codes, the straight-through estimator, the losses, the
/// moving averages and dead-code resets) with its state registered on the module under the names checkpoints hold,
/// <c>Quantize</c>, index encoding and decoding, and the training objective with its terms.
/// </summary>
internal static class VectorQuantizerEmitter
{
    private const string Tensor = TorchNames.Tensor;
    private const string Torch = TorchNames.Torch;
    private const string Functional = TorchNames.Functional;
    private const string Training = TorchNames.Runtime + ".Training";
    private const string QuantizedCode = TorchNames.Runtime + ".Generative.QuantizedCode";
    private const string VectorQuantizer = TorchNames.Runtime + ".Generative.VectorQuantizer";

    public static void WriteConstants(SourceWriter w, AnalyzedVectorQuantized q)
    {
        w.Line("/// <summary>Shape of one sample's code indices (<see cref=\"EncodeIndices\"/>), without the batch dimension.</summary>");
        w.Line("public static long[] IndexShape => " + (q.Positions.Count == 0 ? "global::System.Array.Empty<long>()" : "new long[] { " + string.Join(", ", q.Positions.Select(p => p.ToCSharp())) + " }") + ";");
        w.Line();
        w.Line("/// <summary>Codebook size K: how many code vectors the quantizer chooses from.</summary>");
        w.Line("public const int CodebookSize = " + q.Codes + ";");
        w.Line();
        w.Line("/// <summary>Code dimension D: the length of each code vector, the encoder output's channel axis.</summary>");
        w.Line("public const int CodeDimension = " + q.Dimension + ";");
        w.Line();
        w.Line("/// <summary>β, the weight of the commitment loss β‖z − sg[e]‖².</summary>");
        w.Line("public const double CommitmentWeight = " + Literals.Format(q.CommitmentWeight) + ";");
        w.Line();
        if (q.Ema)
        {
            w.Line("/// <summary>γ, the decay of the moving averages the codebook follows.</summary>");
            w.Line("public const double CodebookDecay = " + Literals.Format(q.CodebookDecay) + ";");
            w.Line();
            w.Line("/// <summary>ε of the Laplace smoothing of the cluster sizes, so that no code divides by zero.</summary>");
            w.Line("public const double CodebookEpsilon = " + Literals.Format(q.CodebookEpsilon) + ";");
            w.Line();
        }

        w.Line("/// <summary>A code whose moving average of assignments per training batch falls below this is reset to an encoder output; 0 never resets.</summary>");
        w.Line("public const double DeadCodeThreshold = " + Literals.Format(q.DeadCodeThreshold) + ";");
        w.Line();
    }

    public static void WriteFields(SourceWriter w, AnalyzedVectorQuantized q)
    {
        w.Line("// The vector quantizer: nearest codes, the straight-through estimator, the losses and, in training, the updates of the");
        w.Line("// codebook, which " + (q.Ema ? "follows moving averages" : "gradients train") + ".");
        w.Line("private readonly " + VectorQuantizer + " quantizer;");
        w.Line();
    }

    public static void WriteConstruction(SourceWriter w, AnalyzedVectorQuantized q)
    {
        w.Line();
        w.Line("// The codebook [K, D] = [" + q.Codes + ", " + q.Dimension + "], uniform in ±1/K at the start.");
        if (q.Ema)
        {
            w.Line("quantizer = " + VectorQuantizer + ".WithMovingAverages(");
            w.Line("    \"quantizer\", this, CodebookSize, CodeDimension, CommitmentWeight, CodebookDecay, CodebookEpsilon, DeadCodeThreshold);");
            return;
        }

        w.Line("quantizer = " + VectorQuantizer + ".LearnedByGradient(");
        w.Line("    \"quantizer\", this, CodebookSize, CodeDimension, CommitmentWeight, DeadCodeThreshold);");
    }

    public static void WriteRegistration(SourceWriter w, AnalyzedVectorQuantized q)
    {
        var state = q.Ema
            ? "the buffers codebook, codebook_cluster_size and codebook_embedding_sum"
            : q.DeadCodeThreshold > 0 ? "the parameter codebook and the buffer codebook_usage" : "the parameter codebook";
        w.Line("// The quantizer registered its state on this module as it was made, under the names checkpoints hold:");
        w.Line("// " + state + ".");
        w.Line("// It holds none of its own, and is a child so that train() and eval() reach it.");
        w.Line("register_module(\"quantizer\", quantizer);");
    }

    /// <summary>forward, Reconstruct, Quantize, index encoding and decoding, the loss and the objective.</summary>
    public static void WriteMethods(SourceWriter w, AnalyzedModel model, AnalyzedVectorQuantized q)
    {
        var isLogits = model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits;
        var encode = model.Encoder.MethodName;
        var decode = model.Decoder.MethodName;
        w.Line("/// <summary>");
        w.Line("/// Reconstructs a batch through the codebook: <c>" + decode + "(Quantize(" + encode + "(input)).Quantized)</c>, " + model.Input + " -> " + model.Decoder.Output + ".");
        w.Line("/// In training mode this also updates the codebook.");
        w.Line("/// </summary>");
        w.Line("public override " + Tensor + " forward(" + Tensor + " input) => " + decode + "(Quantize(" + encode + "(input)).Quantized);");
        w.Line();
        ReconstructionMembers.WriteReconstruct(w, model);

        var indexShape = q.Positions.Count == 0 ? "[B]" : "[B, " + string.Join(", ", q.Positions) + "]";
        w.Line("/// <summary>");
        w.Line("/// Replaces each code vector of <paramref name=\"z\"/> (the encoder's output, " + q.Code + ") with its nearest codebook entry. Returns");
        w.Line("/// the quantised code (" + q.Code + ", with the straight-through gradient to z), the indices " + indexShape + ", the commitment");
        w.Line("/// " + (q.Ema ? "loss" : "and codebook losses") + " and the batch's perplexity and codebook usage. In training mode it then updates the codebook.");
        w.Line("/// </summary>");
        w.Line("public " + QuantizedCode + " Quantize(" + Tensor + " z) => quantizer.forward(z);");
        w.Line();

        w.Line("/// <summary>The index of the nearest code at each position of an input's code, " + model.Input + " -> " + indexShape + "; leaves the codebook as it is.</summary>");
        w.Line("public " + Tensor + " EncodeIndices(" + Tensor + " x) => quantizer.Indices(" + encode + "(x));");
        w.Line();
        w.Line("/// <summary>Decodes code indices (from <see cref=\"EncodeIndices\"/>, or sampled from a prior over them), " + indexShape + " -> " + model.Decoder.Output + (isLogits ? ", in data space" : string.Empty) + ".</summary>");
        var decoded = decode + "(quantizer.Lookup(indices))";
        w.Line("public " + Tensor + " DecodeIndices(" + Tensor + " indices) => " + (isLogits ? Torch + ".sigmoid(" + decoded + ")" : decoded) + ";");
        w.Line();

        RegularizationEmitter.WriteCorruptionIfDeclared(w, model);
        WriteObjective(w, model, q);
    }

    private static void WriteObjective(SourceWriter w, AnalyzedModel model, AnalyzedVectorQuantized q)
    {
        ReconstructionMembers.WriteLossFunction(w, model);
        w.Line("/// <summary>");
        w.Line("/// The training objective for a batch: reconstruction" + (q.Ema ? string.Empty : " + codebook") + " + commitment loss, each a term, with the");
        w.Line("/// codebook's perplexity and usage as terms too (statistics the training log reports, not part of the loss).");
        w.Line("/// </summary>");
        w.Open("public " + Training + ".BatchObjective TrainingObjective(" + Tensor + " batch)");
        w.Line("var code = Quantize(" + model.Encoder.MethodName + "(" + RegularizationEmitter.WriteCorruptedInput(w, model, "batch") + "));");
        w.Line("var reconstruction = LossFunction(" + model.Decoder.MethodName + "(code.Quantized), batch);");
        if (q.Ema)
        {
            w.Line("var loss = reconstruction.add(code.CommitmentLoss, " + w.Scalars.One() + ");");
        }
        else
        {
            w.Line("var codebookLoss = code.CodebookLoss!;");
            w.Line("var loss = reconstruction.add(codebookLoss, " + w.Scalars.One() + ").add(code.CommitmentLoss, " + w.Scalars.One() + ");");
        }

        w.Line("return new " + Training + ".BatchObjective(");
        w.Line("    loss,");
        w.Line("    new " + Training + ".LossTerm(\"reconstruction\", reconstruction),");
        if (!q.Ema)
        {
            w.Line("    new " + Training + ".LossTerm(\"codebook\", codebookLoss),");
        }

        w.Line("    new " + Training + ".LossTerm(\"commitment\", code.CommitmentLoss),");
        w.Line("    new " + Training + ".LossTerm(\"perplexity\", code.Perplexity),");
        w.Line("    new " + Training + ".LossTerm(\"usage\", code.Usage));");
        w.Close();
        w.Line();
        w.Line("/// <summary>The loss of <see cref=\"TrainingObjective\"/> alone.</summary>");
        w.Line("public " + Tensor + " TrainingLoss(" + Tensor + " batch) => TrainingObjective(batch).Loss;");
    }
}
