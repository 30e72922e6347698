using System.Collections.Generic;

namespace Autoencoder.Generators.Families;

/// <summary>A variational autoencoder: Encode returns the posterior, the objective is the negative ELBO (<see cref="VariationalEmitter"/>).</summary>
internal sealed class VariationalFamilyEmitter : FamilyEmitter
{
    public static readonly VariationalFamilyEmitter Instance = new();

    private VariationalFamilyEmitter()
    {
    }

    public override string Training(AnalyzedModel model) => "trained on the negative ELBO (" + ((AnalyzedVariational)model.Family).Likelihood + " likelihood)";

    public override IEnumerable<Capability> Interfaces(AnalyzedModel model) => new[] { new Capability("IGenerativeAutoencoder", "Sample", "Interpolate") };

    public override (string Expression, string Description) Features(AnalyzedModel model)
        => (model.Encoder.MethodName + "(input).Mean", "the posterior mean μ, without sampling");

    public override void WriteNetworks(SourceWriter w, AnalyzedModel model)
    {
        VariationalEmitter.WriteEncoder(w, model, (AnalyzedVariational)model.Family);
        ModelEmitter.WriteNetwork(w, model.Decoder);
    }

    public override void WriteMembers(SourceWriter w, AnalyzedModel model) => VariationalEmitter.WriteMembers(w, model, (AnalyzedVariational)model.Family);

    public override void WriteTrainerMembers(SourceWriter w, AnalyzedModel model) => VariationalEmitter.WriteTrainerMembers(w, model);
}
