using System.Linq;

namespace Autoencoder.Generators.Emit;

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

        var family = model.Family.Emitter;
        w.Line("/// <summary>");
        w.Line("/// Autoencoder " + model.Input + " -> " + model.Code + " -> " + model.Decoder.Output + ", "
               + Literals.Grouped(model.ParameterCount) + " parameters, " + family.Training(model) + ".");
        w.Line("/// </summary>");
        w.Line(TorchNames.GeneratedCode);
        w.Line(TypeScaffold.PartialClass(type) + " :");
        w.Line("    " + TorchNames.Module + ",");
        var interfaces = RuntimeInterfaces.Of(model);
        for (var i = 0; i < interfaces.Count; i++)
        {
            w.Line("    " + interfaces[i] + (i == interfaces.Count - 1 ? string.Empty : ","));
        }

        w.Open();
        WriteSummary(w, model);
        WriteFields(w, model);
        WriteConstructor(w, model);
        family.WriteNetworks(w, model);
        family.WriteMembers(w, model);
        RuntimeInterfaces.WriteMembers(w, model);
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
        w.Line(model.Family.Emitter.ParameterCountSummary(model));
        w.Line("public const long ParameterCount = " + Literals.Format(model.ParameterCount) + ";");
        w.Line();
        w.Line("/// <summary>");
        w.Line("/// Identifies the architecture: a hash of the input shape and of every layer's name, kind, shapes and parameter count,");
        w.Line("/// computed when the code compiled; the class name, initialisation, loss, optimizer and training settings do not enter it.");
        w.Line("/// Checkpoints record it, and one recorded for another fingerprint is refused.");
        w.Line("/// </summary>");
        w.Line("public const string Fingerprint = \"" + ArchitectureFingerprint.Of(model) + "\";");
        w.Line();
        var free = model.Free is null ? string.Empty : "; a free height or width is -1";
        w.Line("/// <summary>Shape of one input sample, without the batch dimension" + free + ".</summary>");
        w.Line("public static long[] InputShape => new long[] { " + model.Input.ToCSharpList() + " };");
        w.Line();
        w.Line("/// <summary>Shape of one code (the encoder's output), without the batch dimension" + free + ".</summary>");
        w.Line("public static long[] CodeShape => new long[] { " + model.Code.ToCSharpList() + " };");
        w.Line();
        GeometryMembers.Write(w, model);
        model.Family.Emitter.WriteConstants(w, model);
        RegularizationEmitter.WriteConstants(w, model);
    }

    private static void WriteFields(SourceWriter w, AnalyzedModel model)
    {
        foreach (var layer in ModuleLayers(model))
        {
            w.Line("private readonly " + layer.Layer.Kind.FieldType(layer) + " " + layer.Name + ";");
        }

        w.Line();
        model.Family.Emitter.WriteFields(w, model);
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
        model.Family.Emitter.WriteConstruction(w, model);

        w.Line();
        w.Line("// Registered one by one: RegisterComponents() finds fields by reflection, which trimming and NativeAOT break.");
        foreach (var layer in ModuleLayers(model))
        {
            w.Line("register_module(\"" + layer.Name + "\", " + layer.Name + ");");
        }

        model.Family.Emitter.WriteRegistration(w, model);

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
            w.Line(TorchNames.Nn + ".init." + InitFunction(weights.Init, layer.Layer is DenseSpec) + "(" + layer.Name + ".weight);");
            if (weights.Bias)
            {
                w.Line(TorchNames.Nn + ".init.zeros_(" + layer.Name + ".bias);");
            }
        }
    }

    private static string InitFunction(WeightInit init, bool dense) => init switch
    {
        WeightInit.Identity => dense ? "eye_" : "dirac_",
        WeightInit.GlorotUniform => "xavier_uniform_",
        WeightInit.GlorotNormal => "xavier_normal_",
        WeightInit.KaimingUniform => "kaiming_uniform_",
        WeightInit.KaimingNormal => "kaiming_normal_",
        _ => throw new System.InvalidOperationException("no initialiser for " + init),
    };

    /// <summary>A network method: its layers in order on the parameter, which it returns.</summary>
    internal static void WriteNetwork(SourceWriter w, AnalyzedNetwork network)
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

    private static System.Collections.Generic.IEnumerable<AnalyzedLayer> ModuleLayers(AnalyzedModel model)
        => model.Encoder.Layers.Concat(model.LatentLayers).Concat(model.Decoder.Layers).SelectMany(l => l.SelfAndNested()).Where(l => l.HasModule);
}
