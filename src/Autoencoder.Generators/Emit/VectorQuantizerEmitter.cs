using System.Linq;
using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Common;

namespace Autoencoder.Generators.Emit
{
    /// <summary>
    /// Writes a VQ-VAE's codebook into the module (van den Oord et al. 2017): its settings, the codebook as a parameter or,
    /// with moving averages, as buffers, <c>Quantize</c> with the straight-through estimator and the codebook statistics,
    /// the codebook updates and dead-code resets, index encoding and decoding, and the training objective with its terms.
    /// </summary>
    internal static class VectorQuantizerEmitter
    {
        private const string Tensor = TorchNames.Tensor;
        private const string Torch = TorchNames.Torch;
        private const string Functional = TorchNames.Functional;
        private const string Training = TorchNames.Runtime + ".Training";
        private const string QuantizedCode = TorchNames.Runtime + ".Generative.QuantizedCode";

        /// <summary>The moving average of assignments that finds dead codes when gradients learn the codebook (with EMA, the cluster sizes serve).</summary>
        private const string UsageDecay = "0.99";

        public static void WriteConstants(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            w.Line("/// <summary>Shape of one sample's code indices (<see cref=\"EncodeIndices\"/>), without the batch dimension.</summary>");
            w.Line("public static long[] IndexShape => " + (q.Positions.Count == 0 ? "global::System.Array.Empty<long>()" : "new long[] { " + string.Join(", ", q.Positions) + " }") + ";");
            w.Line();
            w.Line("/// <summary>Codebook size K: how many code vectors the quantizer chooses from.</summary>");
            w.Line("public const int CodebookSize = " + q.Codes + ";");
            w.Line();
            w.Line("/// <summary>Code dimension D: the length of each code vector, the encoder output's channel axis.</summary>");
            w.Line("public const int CodeDimension = " + q.Dimension + ";");
            w.Line();
            w.Line("/// <summary>β, the weight of the commitment loss β‖z − sg[e]‖².</summary>");
            w.Line("public const double CommitmentCost = " + Literals.Format(q.CommitmentCost) + ";");
            w.Line();
            if (q.Ema)
            {
                w.Line("/// <summary>γ, the decay of the moving averages the codebook follows.</summary>");
                w.Line("public const double CodebookDecay = " + Literals.Format(q.Decay) + ";");
                w.Line();
                w.Line("/// <summary>ε of the Laplace smoothing of the cluster sizes, so that no code divides by zero.</summary>");
                w.Line("public const double CodebookEpsilon = " + Literals.Format(q.Epsilon) + ";");
                w.Line();
            }

            w.Line("/// <summary>A code whose moving average of assignments per training batch falls below this is reset to an encoder output; 0 never resets.</summary>");
            w.Line("public const double DeadCodeThreshold = " + Literals.Format(q.DeadCodeThreshold) + ";");
            w.Line();
        }

        public static void WriteFields(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            w.Line("// Not readonly: Module.to(device) replaces parameters and buffers, and sets the field of the same name.");
            if (q.Ema)
            {
                w.Line("// e, the codebook: [K, D] = [" + q.Codes + ", " + q.Dimension + "], learned by moving averages, not by gradient.");
                w.Line("private " + Tensor + " codebook;");
                w.Line("// N, the moving average of how many encoder outputs each code takes per batch: [" + q.Codes + "].");
                w.Line("private " + Tensor + " codebook_cluster_size;");
                w.Line("// m, the moving average of the sum of the encoder outputs each code takes: [" + q.Codes + ", " + q.Dimension + "]; e = m / N.");
                w.Line("private " + Tensor + " codebook_embedding_sum;");
            }
            else
            {
                w.Line("// e, the codebook: [K, D] = [" + q.Codes + ", " + q.Dimension + "], learned by gradient through the codebook loss.");
                w.Line("private global::TorchSharp.Modules.Parameter codebook;");
                if (q.DeadCodeThreshold > 0)
                {
                    w.Line("// The moving average of how many encoder outputs each code takes per batch, to find dead codes: [" + q.Codes + "].");
                    w.Line("private " + Tensor + " codebook_usage;");
                }
            }

            w.Line();
        }

        public static void WriteConstruction(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            var uniform = ".uniform_(-1.0 / " + q.Codes + ", 1.0 / " + q.Codes + ")";
            w.Line();
            if (q.Ema)
            {
                w.Line("// The codebook starts uniform in ±1/K; its averages start as if each code had taken one vector equal to itself.");
                w.Line("codebook = " + Torch + ".empty(" + q.Codes + ", " + q.Dimension + ")" + uniform + ";");
                w.Line("codebook_cluster_size = " + Torch + ".ones(" + q.Codes + ");");
                w.Line("codebook_embedding_sum = codebook.clone();");
            }
            else
            {
                w.Line("// The codebook starts uniform in ±1/K.");
                w.Line("codebook = new global::TorchSharp.Modules.Parameter(" + Torch + ".empty(" + q.Codes + ", " + q.Dimension + ")" + uniform + ");");
                if (q.DeadCodeThreshold > 0)
                {
                    w.Line("codebook_usage = " + Torch + ".ones(" + q.Codes + ");");
                }
            }
        }

        public static void WriteRegistration(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            if (q.Ema)
            {
                w.Line("// The codebook and its averages are state, not trained by gradient: buffers, so state_dict and checkpoints hold them.");
                w.Line("register_buffer(\"codebook\", codebook);");
                w.Line("register_buffer(\"codebook_cluster_size\", codebook_cluster_size);");
                w.Line("register_buffer(\"codebook_embedding_sum\", codebook_embedding_sum);");
                return;
            }

            w.Line("register_parameter(\"codebook\", codebook);");
            if (q.DeadCodeThreshold > 0)
            {
                w.Line("// State, not trained: a buffer, so state_dict and checkpoints hold it.");
                w.Line("register_buffer(\"codebook_usage\", codebook_usage);");
            }
        }

        /// <summary>forward, Reconstruct, Quantize, the codebook updates, index encoding and decoding, the loss and the objective.</summary>
        public static void WriteMethods(SourceWriter w, AnalyzedModel model, AnalyzedVectorQuantizer q)
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

            WriteQuantize(w, q);
            WriteNearestCodes(w, q);
            WriteUpdate(w, q);
            if (q.DeadCodeThreshold > 0)
            {
                WriteReset(w, q);
            }

            WriteIndices(w, model, q, isLogits);
            RegularizationEmitter.WriteCorruptionIfDeclared(w, model);
            WriteObjective(w, model, q);
        }

        private static void WriteQuantize(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            var code = q.Code;
            var dense = q.Positions.Count == 0;
            var indexShape = dense ? "[B]" : "[B, " + string.Join(", ", q.Positions) + "]";
            w.Line("/// <summary>");
            w.Line("/// Replaces each code vector of <paramref name=\"z\"/> (the encoder's output, " + code + ") with its nearest codebook entry. Returns");
            w.Line("/// the quantised code (" + code + ", with the straight-through gradient to z), the indices " + indexShape + ", the commitment");
            w.Line("/// and codebook losses and the batch's perplexity and codebook usage. In training mode it then updates the codebook.");
            w.Line("/// </summary>");
            w.Open("public " + QuantizedCode + " Quantize(" + Tensor + " z)");
            WriteRows(w, q, "z", "flat");
            w.Line("var indices = NearestCodes(flat);");
            if (dense)
            {
                w.Line("// The chosen codes e: [B, " + q.Dimension + "]");
                w.Line("var quantized = codebook.index_select(0, indices);");
            }
            else
            {
                w.Line("// The chosen codes e, back in z's layout: [N, " + q.Dimension + "] -> " + ChannelsLast(q) + " -> " + code);
                w.Line("var quantized = codebook.index_select(0, indices).reshape(z.shape[0], " + ChannelsLastList(q) + ").permute(" + ChannelsFirst(q) + ");");
            }

            w.Line();
            w.Line("// The commitment loss keeps the encoder near the codes it picks" + (q.Ema ? "; the moving averages move the codes." : "; the codebook loss moves the codes to the encoder's outputs."));
            w.Line("var commitment = " + Functional + ".mse_loss(z, quantized.detach()).mul(" + w.Scalars.Real("CommitmentCost") + ");");
            if (!q.Ema)
            {
                w.Line("var codebookLoss = " + Functional + ".mse_loss(quantized, z.detach());");
            }

            w.Line();
            w.Line(Tensor + " counts, perplexity, usage;");
            w.Open("using (" + Torch + ".no_grad())");
            w.Line("// How many of the N vectors each code took: [" + q.Codes + "]");
            w.Line("counts = " + Torch + ".bincount(indices, minlength: CodebookSize).to(flat.dtype);");
            w.Line("// N, known only at run time: a Scalar held until the division returns.");
            w.Line("using var rowCount = global::TorchSharp.ScalarExtensionMethods.ToScalar(flat.shape[0]);");
            w.Line("var probabilities = counts.div(rowCount);");
            w.Line("// exp of the entropy of the batch's code distribution: 1 when one code takes every vector, K when all take as many.");
            w.Line("perplexity = " + Torch + ".exp(-(probabilities * " + Torch + ".log(probabilities.add(" + w.Scalars.Real("1e-10") + ", " + w.Scalars.One() + "))).sum());");
            w.Line("usage = counts.gt(" + w.Scalars.Real(0.0) + ").to(flat.dtype).mean();");
            w.Close();
            w.Line();
            w.Open("if (training)");
            w.Line("UpdateCodebook(flat.detach(), indices, counts);");
            w.Close();
            w.Line();
            w.Line("// Straight-through estimator: the decoder sees e, and z receives the decoder's gradient as if the decoder had seen z.");
            w.Line("var straightThrough = z.add((quantized - z).detach(), " + w.Scalars.One() + ");");
            var indices = dense ? "indices" : "indices.reshape(z.shape[0], " + string.Join(", ", q.Positions) + ")";
            w.Line("return new " + QuantizedCode + "(straightThrough, " + indices + ", commitment, " + (q.Ema ? "null" : "codebookLoss") + ", perplexity, usage);");
            w.Close();
            w.Line();
        }

        /// <summary>Flattens a code to one row per vector, [N, D]; a dense code already is.</summary>
        private static void WriteRows(SourceWriter w, AnalyzedVectorQuantizer q, string code, string rows)
        {
            if (q.Positions.Count == 0)
            {
                w.Line("// One row per code vector: [B, " + q.Dimension + "], N = B");
                w.Line("var " + rows + " = " + code + ";");
                return;
            }

            w.Line("// One row per code vector: " + q.Code + " -> " + ChannelsLast(q) + " -> [N, " + q.Dimension + "], N = B·" + string.Join("·", q.Positions));
            w.Line("var " + rows + " = " + code + ".permute(" + ChannelsLastPermutation(q) + ").reshape(-1, CodeDimension);");
        }

        /// <summary>The permutation that moves the channel axis last: <c>0, 2, 3, 1</c> for [B, D, H, W].</summary>
        private static string ChannelsLastPermutation(AnalyzedVectorQuantizer q)
            => string.Join(", ", new[] { 0 }.Concat(Enumerable.Range(2, q.Positions.Count)).Concat(new[] { 1 }));

        /// <summary>Its inverse, which moves the last axis back to the channels: <c>0, 3, 1, 2</c> for [B, H, W, D].</summary>
        private static string ChannelsFirst(AnalyzedVectorQuantizer q)
            => string.Join(", ", new[] { 0, q.Positions.Count + 1 }.Concat(Enumerable.Range(1, q.Positions.Count)));

        private static string ChannelsLast(AnalyzedVectorQuantizer q) => "[B, " + ChannelsLastList(q) + "]";

        private static string ChannelsLastList(AnalyzedVectorQuantizer q) => string.Join(", ", q.Positions.Concat(new[] { q.Dimension }));

        private static void WriteNearestCodes(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            w.Line("/// <summary>The index of the nearest code to each row of <paramref name=\"rows\"/> by squared Euclidean distance: [N, " + q.Dimension + "] -> [N].</summary>");
            w.Open("private " + Tensor + " NearestCodes(" + Tensor + " rows)");
            w.Open("using (" + Torch + ".no_grad())");
            w.Line("// ‖z − e‖² = ‖z‖² − 2 z·e + ‖e‖² for every row and code, without an [N, K, D] difference: [N, " + q.Codes + "]");
            w.Line("var rowNorms = rows.pow(" + w.Scalars.Integer(2) + ").sum(1, keepdim: true);   // [N, 1]");
            w.Line("var codeNorms = codebook.pow(" + w.Scalars.Integer(2) + ").sum(1);            // [" + q.Codes + "]");
            w.Line("var distances = (rowNorms - rows.matmul(codebook.t()).mul(" + w.Scalars.Real(2.0) + ")).add(codeNorms, " + w.Scalars.One() + ");");
            w.Line("return distances.argmin(1);");
            w.Close();
            w.Close();
            w.Line();
        }

        private static void WriteUpdate(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            var reset = q.DeadCodeThreshold > 0;
            if (q.Ema)
            {
                w.Line("/// <summary>");
                w.Line("/// After a training batch (not part of the graph): the moving averages N ← γN + (1 − γ)n and m ← γm + (1 − γ)Σz, then the");
                w.Line("/// codes e = m / N with N Laplace-smoothed (van den Oord et al. 2017, appendix A.1)" + (reset ? ", then the dead codes' reset." : "."));
                w.Line("/// </summary>");
                w.Open("private void UpdateCodebook(" + Tensor + " rows, " + Tensor + " indices, " + Tensor + " counts)");
                w.Open("using (" + Torch + ".no_grad())");
                w.Line("// Σz over the rows each code took: [" + q.Codes + ", " + q.Dimension + "]");
                w.Line("var sums = " + Torch + ".zeros_like(codebook).index_add_(0, indices, rows, alpha: " + w.Scalars.One() + ");");
                w.Line("codebook_cluster_size.mul_(" + w.Scalars.Real("CodebookDecay") + ").add_(counts, alpha: " + w.Scalars.Real("1 - CodebookDecay") + ");");
                w.Line("codebook_embedding_sum.mul_(" + w.Scalars.Real("CodebookDecay") + ").add_(sums, alpha: " + w.Scalars.Real("1 - CodebookDecay") + ");");
                w.Line("// (N + ε) / (n + Kε) · n keeps every size above zero and their total at n.");
                w.Line("var total = codebook_cluster_size.sum();");
                w.Line("var smoothed = codebook_cluster_size.add(" + w.Scalars.Real("CodebookEpsilon") + ", " + w.Scalars.One() + ").div(total.add(" + w.Scalars.Real("CodebookSize * CodebookEpsilon") + ", " + w.Scalars.One() + ")).mul(total);");
                w.Line("codebook.copy_(codebook_embedding_sum / smoothed.unsqueeze(1));");
                if (reset)
                {
                    w.Line("ResetDeadCodes(rows, codebook_cluster_size);");
                }

                w.Close();
                w.Close();
                w.Line();
                return;
            }

            w.Line("/// <summary>After a training batch (not part of the graph): " + (reset ? "count each code's assignments and reset the dead codes." : "nothing; gradients move the codebook.") + "</summary>");
            w.Open("private void UpdateCodebook(" + Tensor + " rows, " + Tensor + " indices, " + Tensor + " counts)");
            if (reset)
            {
                w.Open("using (" + Torch + ".no_grad())");
                w.Line("codebook_usage.mul_(" + w.Scalars.Real(UsageDecay) + ").add_(counts, alpha: " + w.Scalars.Real("1 - " + UsageDecay) + ");");
                w.Line("ResetDeadCodes(rows, codebook_usage);");
                w.Close();
            }

            w.Close();
            w.Line();
        }

        private static void WriteReset(SourceWriter w, AnalyzedVectorQuantizer q)
        {
            w.Line("/// <summary>");
            w.Line("/// Codes whose moving average of assignments per batch (<paramref name=\"assignments\"/>) is below <see cref=\"DeadCodeThreshold\"/>");
            w.Line("/// move to encoder outputs of this batch chosen at random (as in Jukebox, Dhariwal et al. 2020), so no code stays unused;");
            w.Line("/// their averages restart at the threshold. Uses TorchSharp's global generator, which checkpoints save.");
            w.Line("/// </summary>");
            w.Open("private void ResetDeadCodes(" + Tensor + " rows, " + Tensor + " assignments)");
            w.Line("// The dead codes' indices: [M]");
            w.Line("var dead = assignments.lt(" + w.Scalars.Real("DeadCodeThreshold") + ").nonzero().squeeze(1);");
            w.Line("var count = dead.shape[0];");
            w.Open("if (count == 0)");
            w.Line("return;");
            w.Close();
            w.Line();
            w.Line("// M rows of this batch, drawn with replacement: [M, " + q.Dimension + "]");
            w.Line("var chosen = rows.index_select(0, " + Torch + ".randint(rows.shape[0], new long[] { count }, device: rows.device));");
            w.Line("codebook.index_copy_(0, dead, chosen);");
            if (q.Ema)
            {
                w.Line("codebook_embedding_sum.index_copy_(0, dead, chosen.mul(" + w.Scalars.Real("DeadCodeThreshold") + "));");
            }

            w.Line("assignments.index_fill_(0, dead, " + w.Scalars.Real("DeadCodeThreshold") + ");");
            w.Close();
            w.Line();
        }

        private static void WriteIndices(SourceWriter w, AnalyzedModel model, AnalyzedVectorQuantizer q, bool isLogits)
        {
            var dense = q.Positions.Count == 0;
            var indexShape = dense ? "[B]" : "[B, " + string.Join(", ", q.Positions) + "]";
            w.Line("/// <summary>The index of the nearest code at each position of an input's code, " + model.Input + " -> " + indexShape + "; leaves the codebook as it is.</summary>");
            w.Open("public " + Tensor + " EncodeIndices(" + Tensor + " x)");
            w.Line("var z = " + model.Encoder.MethodName + "(x);");
            WriteRows(w, q, "z", "rows");
            w.Line("return NearestCodes(rows)" + (dense ? string.Empty : ".reshape(z.shape[0], " + string.Join(", ", q.Positions) + ")") + ";");
            w.Close();
            w.Line();

            w.Line("/// <summary>Decodes code indices (from <see cref=\"EncodeIndices\"/>, or sampled from a prior over them), " + indexShape + " -> " + model.Decoder.Output + (isLogits ? ", in data space" : string.Empty) + ".</summary>");
            w.Open("public " + Tensor + " DecodeIndices(" + Tensor + " indices)");
            if (dense)
            {
                w.Line("// The codes: [B, " + q.Dimension + "]");
                w.Line("var quantized = codebook.index_select(0, indices);");
            }
            else
            {
                w.Line("// The codes in the encoder output's layout: " + indexShape + " -> [N, " + q.Dimension + "] -> " + ChannelsLast(q) + " -> " + q.Code);
                w.Line("var quantized = codebook.index_select(0, indices.flatten()).reshape(indices.shape[0], " + ChannelsLastList(q) + ").permute(" + ChannelsFirst(q) + ");");
            }

            var decoded = model.Decoder.MethodName + "(quantized)";
            w.Line("return " + (isLogits ? Torch + ".sigmoid(" + decoded + ")" : decoded) + ";");
            w.Close();
            w.Line();
        }

        private static void WriteObjective(SourceWriter w, AnalyzedModel model, AnalyzedVectorQuantizer q)
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
}
