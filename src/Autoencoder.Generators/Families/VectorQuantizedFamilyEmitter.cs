using System.Collections.Generic;

namespace Autoencoder.Generators.Families;

/// <summary>A VQ-VAE: a codebook between encoder and decoder (<see cref="VectorQuantizerEmitter"/>).</summary>
internal sealed class VectorQuantizedFamilyEmitter : FamilyEmitter
{
    public static readonly VectorQuantizedFamilyEmitter Instance = new();

    private VectorQuantizedFamilyEmitter()
    {
    }

    public override IEnumerable<Capability> Interfaces(AnalyzedModel model) => new[] { new Capability("IVectorQuantizedAutoencoder", "EncodeIndices", "DecodeIndices") };

    public override (string Expression, string Description) Features(AnalyzedModel model)
        => (model.Encoder.MethodName + "(input)", "the encoder's output, before the nearest codes replace it");

    public override string ParameterCountSummary(AnalyzedModel model) => Quantizer(model) is { Ema: true } ema
        ? "/// <summary>Number of parameters: the optimizer trains all but the codebook's " + Literals.Grouped(ema.Parameters) + " values, which move by moving averages.</summary>"
        : base.ParameterCountSummary(model);

    public override void WriteConstants(SourceWriter w, AnalyzedModel model) => VectorQuantizerEmitter.WriteConstants(w, Quantizer(model));

    public override void WriteFields(SourceWriter w, AnalyzedModel model) => VectorQuantizerEmitter.WriteFields(w, Quantizer(model));

    public override void WriteConstruction(SourceWriter w, AnalyzedModel model) => VectorQuantizerEmitter.WriteConstruction(w, Quantizer(model));

    public override void WriteRegistration(SourceWriter w, AnalyzedModel model) => VectorQuantizerEmitter.WriteRegistration(w, Quantizer(model));

    public override void WriteMembers(SourceWriter w, AnalyzedModel model) => VectorQuantizerEmitter.WriteMethods(w, model, Quantizer(model));

    private static AnalyzedVectorQuantized Quantizer(AnalyzedModel model) => (AnalyzedVectorQuantized)model.Family;
}
