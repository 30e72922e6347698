namespace Autoencoder.Generators.Families;

/// <summary>A plain autoencoder: forward is Decode(Encode(x)); penalties and corruption, when declared, shape the objective.</summary>
internal sealed class PlainEmitter : FamilyEmitter
{
    public static readonly PlainEmitter Instance = new();

    private PlainEmitter()
    {
    }

    public override void WriteMembers(SourceWriter w, AnalyzedModel model)
    {
        var tensor = TorchNames.Tensor;
        var network = model.Decoder.MethodName + "(" + model.Encoder.MethodName + "(input))";
        if (model.Regularization?.Denoising is { PredictNoise: true })
        {
            // Residual learning (DnCNN): the layers predict the noise, and the model takes it away from its input.
            w.Line("/// <summary>Restores a batch: the input minus the noise the layers predict, <c>input - Decode(Encode(input))</c>, " + model.Input + " -> " + model.Decoder.Output + ".</summary>");
            w.Line("public override " + tensor + " forward(" + tensor + " input) => input.sub(" + network + ");");
        }
        else
        {
            w.Line("/// <summary>Reconstructs a batch: <c>Decode(Encode(input))</c>, " + model.Input + " -> " + model.Decoder.Output + ".</summary>");
            w.Line("public override " + tensor + " forward(" + tensor + " input) => " + network + ";");
        }

        w.Line();
        ReconstructionMembers.Write(w, model);
        if (model.Regularization is { } regularization)
        {
            RegularizationEmitter.Write(w, model, regularization);
            return;
        }

        w.Line("/// <summary>The training objective for a batch: reconstruct it and compare the result with the batch itself.</summary>");
        w.Line("public " + tensor + " TrainingLoss(" + tensor + " batch) => LossFunction(forward(batch), batch);");
    }
}
