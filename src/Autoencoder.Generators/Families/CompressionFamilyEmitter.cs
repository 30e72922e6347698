using System.Collections.Generic;

namespace Autoencoder.Generators.Families;

/// <summary>A learned codec: an entropy model between encoder and decoder, trained on distortion + λ·rate (<see cref="CompressionEmitter"/>).</summary>
internal sealed class CompressionFamilyEmitter : FamilyEmitter
{
    public static readonly CompressionFamilyEmitter Instance = new();

    private CompressionFamilyEmitter()
    {
    }

    public override IEnumerable<Capability> Interfaces(AnalyzedModel model) => new[] { new Capability("ICompressionAutoencoder", "Compress", "Decompress") };

    public override (string Expression, string Description) Features(AnalyzedModel model)
        => (model.Encoder.MethodName + "(input)", "the encoder's output, before it is rounded");

    public override string ParameterCountSummary(AnalyzedModel model)
        => "/// <summary>Number of trainable parameters of the layers; the entropy model's densities (module <c>entropy</c>) come on top.</summary>";

    public override void WriteConstants(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteConstants(w, model, Codec(model));

    public override void WriteFields(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteField(w, Codec(model));

    public override void WriteConstruction(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteConstruction(w, Codec(model));

    public override void WriteRegistration(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteRegistration(w);

    public override void WriteNetworks(SourceWriter w, AnalyzedModel model)
    {
        base.WriteNetworks(w, model);
        if (Codec(model).Hyper is { } hyper)
        {
            ModelEmitter.WriteNetwork(w, hyper.HyperEncoder);
            ModelEmitter.WriteNetwork(w, hyper.HyperDecoder);
        }
    }

    public override void WriteMembers(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteMethods(w, model, Codec(model));

    public override void WriteExplicitMembers(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteExplicitMembers(w);

    public override void WriteTrainerMembers(SourceWriter w, AnalyzedModel model) => CompressionEmitter.WriteTrainerMembers(w, model, Codec(model));

    private static AnalyzedCompression Codec(AnalyzedModel model) => (AnalyzedCompression)model.Family;
}
