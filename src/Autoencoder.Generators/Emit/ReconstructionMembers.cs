namespace Autoencoder.Generators.Emit;

/// <summary><c>Reconstruct</c> and <c>LossFunction</c>, which every family has: written here alone.</summary>
internal static class ReconstructionMembers
{
    public static void Write(SourceWriter w, AnalyzedModel model, string lossRole = "")
    {
        WriteReconstruct(w, model);
        WriteLossFunction(w, model, lossRole);
    }

    /// <param name="forwardNote">Added to the summary after a logits model's sigmoid, e.g. " (see forward for the mode)".</param>
    public static void WriteReconstruct(SourceWriter w, AnalyzedModel model, string forwardNote = "")
    {
        var tensor = TorchNames.Tensor;
        var isLogits = model.Loss == ReconstructionLoss.BinaryCrossEntropyWithLogits;
        if (model.Free is not null)
        {
            w.Line("/// <summary>");
            w.Line("/// Reconstructions in data space of images of any size: <see cref=\"forward\"/> on the input padded (replicating its last");
            w.Line("/// row and column) to a size the model takes (<see cref=\"Geometry\"/>), cropped back to the input's height and width" + (isLogits ? ", through the sigmoid of the decoder's logits" + forwardNote : string.Empty) + ".");
            w.Line("/// </summary>");
            var network = isLogits ? "padded => " + TorchNames.Torch + ".sigmoid(forward(padded))" : "forward";
            w.Line("public " + tensor + " Reconstruct(" + tensor + " input) => " + GeometryMembers.AnySize + ".Apply(input, Geometry, " + network + ");");
            w.Line();
            w.Line("/// <summary>");
            w.Line("/// <see cref=\"Reconstruct\"/> for images too large to run whole, [C, H, W] or [B, C, H, W]: overlapping tiles, one at a");
            w.Line("/// time without gradients, blended across their seams (<paramref name=\"options\"/>: tile size and overlap).");
            w.Line("/// </summary>");
            w.Line("public " + tensor + " ReconstructTiled(" + tensor + " image, " + TorchNames.Runtime + ".Imaging.TileOptions? options = null) =>");
            w.Line("    " + TorchNames.Runtime + ".Imaging.TiledInference.Apply(image, Geometry, " + network + ", options);");
            w.Line();
            return;
        }

        w.Line(isLogits
            ? "/// <summary>Reconstructions in data space: the sigmoid of the decoder's logits" + forwardNote + ".</summary>"
            : "/// <summary>Reconstructions in data space (the same as <see cref=\"forward\"/>).</summary>");
        w.Line("public " + tensor + " Reconstruct(" + tensor + " input) => "
               + (isLogits ? TorchNames.Torch + ".sigmoid(forward(input))" : "forward(input)") + ";");
        w.Line();
    }

    /// <param name="lossRole">Ends the summary, e.g. ": the distortion".</param>
    public static void WriteLossFunction(SourceWriter w, AnalyzedModel model, string lossRole = "")
    {
        var tensor = TorchNames.Tensor;
        w.Line("/// <summary>" + Description(model.Loss) + ", averaged over every element" + lossRole + ".</summary>");
        w.Line("public static " + tensor + " LossFunction(" + tensor + " output, " + tensor + " target) =>");
        w.Line("    " + TorchNames.Functional + "." + Function(model.Loss) + "(output, target);");
        w.Line();
    }

    public static string Function(ReconstructionLoss loss) => loss switch
    {
        ReconstructionLoss.BinaryCrossEntropy => "binary_cross_entropy",
        ReconstructionLoss.BinaryCrossEntropyWithLogits => "binary_cross_entropy_with_logits",
        ReconstructionLoss.L1 => "l1_loss",
        _ => "mse_loss",
    };

    public static string Description(ReconstructionLoss loss) => loss switch
    {
        ReconstructionLoss.BinaryCrossEntropy => "Binary cross-entropy between reconstruction and target",
        ReconstructionLoss.BinaryCrossEntropyWithLogits => "Binary cross-entropy between the sigmoid of the output logits and the target",
        ReconstructionLoss.L1 => "Absolute error between reconstruction and target",
        _ => "Squared error between reconstruction and target",
    };
}
