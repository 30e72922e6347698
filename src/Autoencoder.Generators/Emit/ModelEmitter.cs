using System.Linq;
using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Emit
{
    /// <summary>
    /// Writes the module: fields and explicit registration of its layers, Encode/Decode/forward with the
    /// shape after every line, the loss, and the compile-time summary.
    /// </summary>
    internal static class ModelEmitter
    {
        public static string Emit(AnalyzedModel model)
        {
            var w = new SourceWriter();
            var type = model.Type;
            TypeScaffold.OpenFile(w, type);

            w.Line("/// <summary>");
            w.Line("/// Autoencoder " + model.Input + " -> " + model.Code + " -> " + model.Decoder.Output + ", "
                   + Literals.Grouped(model.ParameterCount) + " parameters, trained with " + model.Loss + ".");
            w.Line("/// </summary>");
            w.Line(TorchNames.GeneratedCode);
            w.Open(TypeScaffold.PartialClass(type) + " : " + TorchNames.Module);
            WriteSummary(w, model);
            WriteFields(w, model);
            WriteConstructor(w, model);
            if (model.Variational is { } variational)
            {
                VariationalEmitter.WriteEncoder(w, model, variational);
                WriteNetwork(w, model.Decoder);
                VariationalEmitter.WriteMembers(w, model, variational);
            }
            else
            {
                WriteNetwork(w, model.Encoder);
                WriteNetwork(w, model.Decoder);
                if (model.Quantizer is { } quantizer)
                {
                    VectorQuantizerEmitter.WriteMethods(w, model, quantizer);
                }
                else if (model.Compression is { } compression)
                {
                    CompressionEmitter.WriteMethods(w, model, compression);
                }
                else
                {
                    WriteForwardAndLoss(w, model);
                }
            }

            w.Scalars.Write(w);
            w.Close();

            TypeScaffold.CloseFile(w, type);
            return w.ToString();
        }

        private static void WriteSummary(SourceWriter w, AnalyzedModel model)
        {
            w.Line("/// <summary>Layers, output shapes and parameter counts, as inferred when the code compiled.</summary>");
            var lines = SummaryTable.Lines(model);
            w.Line("public const string Summary =");
            for (var i = 0; i < lines.Count; i++)
            {
                var end = i == lines.Count - 1 ? ";" : " +";
                w.Line("    " + SummaryTable.Quote(lines[i] + "\n") + end);
            }

            w.Line();
            w.Line(model.Quantizer is { Ema: true } emaCodebook
                ? "/// <summary>Number of parameters: the optimizer trains all but the codebook's " + Literals.Grouped(emaCodebook.Parameters) + " values, which move by moving averages.</summary>"
                : model.Compression is not null
                    ? "/// <summary>Number of trainable parameters of the layers; the entropy model's densities (module <c>entropy</c>) come on top.</summary>"
                    : "/// <summary>Number of trainable parameters.</summary>");
            w.Line("public const long ParameterCount = " + Literals.Format(model.ParameterCount) + ";");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// Identifies the architecture: a hash of the input shape and of every layer's name, kind, shapes and parameter count,");
            w.Line("/// computed when the code compiled; the class name, initialisation, loss, optimizer and training settings do not enter it.");
            w.Line("/// Checkpoints record it, and one recorded for another fingerprint is refused.");
            w.Line("/// </summary>");
            w.Line("public const string Fingerprint = \"" + ArchitectureFingerprint.Of(model) + "\";");
            w.Line();
            w.Line("/// <summary>Shape of one input sample, without the batch dimension.</summary>");
            w.Line("public static long[] InputShape => new long[] { " + model.Input.ToCSharpList() + " };");
            w.Line();
            w.Line("/// <summary>Shape of one code (the encoder's output), without the batch dimension.</summary>");
            w.Line("public static long[] CodeShape => new long[] { " + model.Code.ToCSharpList() + " };");
            w.Line();
            if (model.Quantizer is { } quantizer)
            {
                VectorQuantizerEmitter.WriteConstants(w, quantizer);
            }

            if (model.Compression is { } compression)
            {
                CompressionEmitter.WriteConstants(w, model, compression);
            }
        }

        private static void WriteFields(SourceWriter w, AnalyzedModel model)
        {
            foreach (var layer in ModuleLayers(model))
            {
                w.Line("private readonly " + layer.Layer.Kind.FieldType(layer) + " " + layer.Name + ";");
            }

            w.Line();
            if (model.Quantizer is { } quantizer)
            {
                VectorQuantizerEmitter.WriteFields(w, quantizer);
            }

            if (model.Compression is { } compression)
            {
                CompressionEmitter.WriteField(w, compression);
            }
        }

        private static void WriteConstructor(SourceWriter w, AnalyzedModel model)
        {
            w.Line("/// <summary>Creates the module with freshly initialised weights (seed TorchSharp first for reproducible weights).</summary>");
            w.Open("public " + model.Type.Name + "() : base(nameof(" + model.Type.Name + "))");
            foreach (var layer in ModuleLayers(model))
            {
                w.Line(layer.Name + " = " + layer.Layer.Kind.Construction(layer) + ";");
            }

            WriteInitialisation(w, model);
            if (model.Quantizer is { } quantizer)
            {
                VectorQuantizerEmitter.WriteConstruction(w, quantizer);
            }

            if (model.Compression is { } compression)
            {
                CompressionEmitter.WriteConstruction(w, compression);
            }

            w.Line();
            w.Line("// Registered one by one: RegisterComponents() finds fields by reflection, which trimming and NativeAOT break.");
            foreach (var layer in ModuleLayers(model))
            {
                w.Line("register_module(\"" + layer.Name + "\", " + layer.Name + ");");
            }

            if (model.Quantizer is { } registered)
            {
                VectorQuantizerEmitter.WriteRegistration(w, registered);
            }

            if (model.Compression is not null)
            {
                CompressionEmitter.WriteRegistration(w);
            }

            w.Close();
            w.Line();
        }

        private static void WriteInitialisation(SourceWriter w, AnalyzedModel model)
        {
            foreach (var layer in ModuleLayers(model))
            {
                var lines = layer.Layer.Kind.Initialisation(layer).ToList();
                if (lines.Count > 0)
                {
                    w.Line();
                    foreach (var line in lines)
                    {
                        w.Line(line);
                    }
                }

                if (layer.Layer.Kind.Weights(layer.Layer) is not { Init: not WeightInit.Default } weights)
                {
                    continue;
                }

                w.Line();
                w.Line("// " + weights.Init + " weights" + (weights.Bias ? " and a zero bias" : string.Empty) + " for " + layer.Name + ".");
                w.Line(TorchNames.Nn + ".init." + InitFunction(weights.Init) + "(" + layer.Name + ".weight);");
                if (weights.Bias)
                {
                    w.Line(TorchNames.Nn + ".init.zeros_(" + layer.Name + ".bias);");
                }
            }
        }

        private static string InitFunction(WeightInit init) => init switch
        {
            WeightInit.GlorotUniform => "xavier_uniform_",
            WeightInit.GlorotNormal => "xavier_normal_",
            WeightInit.KaimingUniform => "kaiming_uniform_",
            WeightInit.KaimingNormal => "kaiming_normal_",
            _ => throw new System.InvalidOperationException("no initialiser for " + init),
        };

        private static void WriteNetwork(SourceWriter w, AnalyzedNetwork network)
        {
            var p = network.ParameterName;
            w.Line("/// <summary>The " + network.Role + ": " + network.Input + " -> " + network.Output + ".</summary>");
            var modifiers = network.DeclaredByUser ? network.Accessibility + " partial " : network.Accessibility + " ";
            w.Open(modifiers + TorchNames.Tensor + " " + network.MethodName + "(" + TorchNames.Tensor + " " + p + ")");
            NetworkWriter.WriteLayers(w, network.Layers, p);
            w.Line("return " + p + ";");
            w.Close();
            w.Line();
        }

        private static void WriteForwardAndLoss(SourceWriter w, AnalyzedModel model)
        {
            var tensor = TorchNames.Tensor;
            w.Line("/// <summary>Reconstructs a batch: <c>Decode(Encode(input))</c>, " + model.Input + " -> " + model.Decoder.Output + ".</summary>");
            w.Line("public override " + tensor + " forward(" + tensor + " input) => " + model.Decoder.MethodName + "(" + model.Encoder.MethodName + "(input));");
            w.Line();

            var isLogits = model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits;
            w.Line(isLogits
                ? "/// <summary>Reconstructions in data space: the sigmoid of the decoder's logits.</summary>"
                : "/// <summary>Reconstructions in data space (the same as <see cref=\"forward\"/>).</summary>");
            w.Line("public " + tensor + " Reconstruct(" + tensor + " input) => "
                   + (isLogits ? TorchNames.Torch + ".sigmoid(forward(input))" : "forward(input)") + ";");
            w.Line();

            w.Line("/// <summary>" + LossDescription(model.Loss) + ", averaged over every element.</summary>");
            w.Line("public static " + tensor + " LossFunction(" + tensor + " output, " + tensor + " target) =>");
            w.Line("    " + TorchNames.Functional + "." + LossFunction(model.Loss) + "(output, target);");
            w.Line();
            if (model.Regularization is { } regularization)
            {
                RegularizationEmitter.Write(w, model, regularization);
                return;
            }

            w.Line("/// <summary>The training objective for a batch: reconstruct it and compare the result with the batch itself.</summary>");
            w.Line("public " + tensor + " TrainingLoss(" + tensor + " batch) => LossFunction(forward(batch), batch);");
        }

        private static System.Collections.Generic.IEnumerable<AnalyzedLayer> ModuleLayers(AnalyzedModel model)
            => model.Encoder.Layers.Concat(model.LatentLayers).Concat(model.Decoder.Layers).SelectMany(l => l.SelfAndNested()).Where(l => l.HasModule);

        internal static string LossFunction(ReconstructionLoss loss) => loss switch
        {
            ReconstructionLoss.BinaryCrossEntropy => "binary_cross_entropy",
            ReconstructionLoss.BinaryCrossEntropyWithLogits => "binary_cross_entropy_with_logits",
            ReconstructionLoss.L1 => "l1_loss",
            _ => "mse_loss",
        };

        internal static string LossDescription(ReconstructionLoss loss) => loss switch
        {
            ReconstructionLoss.BinaryCrossEntropy => "Binary cross-entropy between reconstruction and target",
            ReconstructionLoss.BinaryCrossEntropyWithLogits => "Binary cross-entropy between the sigmoid of the output logits and the target",
            ReconstructionLoss.L1 => "Absolute error between reconstruction and target",
            _ => "Squared error between reconstruction and target",
        };
    }
}
