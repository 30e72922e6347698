using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Families;

/// <summary>
/// A model family's part of the generated code, section by section in the order <see cref="ModelEmitter"/> and
/// <see cref="TrainerEmitter"/> write them. The defaults are a plain autoencoder's: nothing beyond the layers.
/// </summary>
internal abstract class FamilyEmitter
{
    /// <summary>Ends the class summary: how the model trains, e.g. "trained with BinaryCrossEntropy".</summary>
    public virtual string Training(AnalyzedModel model) => "trained with " + model.Loss;

    /// <summary>The doc comment of <c>ParameterCount</c>.</summary>
    public virtual string ParameterCountSummary(AnalyzedModel model) => "/// <summary>Number of trainable parameters.</summary>";

    /// <summary>Constants after InputShape and CodeShape.</summary>
    public virtual void WriteConstants(SourceWriter w, AnalyzedModel model)
    {
    }

    /// <summary>Fields after the layers'.</summary>
    public virtual void WriteFields(SourceWriter w, AnalyzedModel model)
    {
    }

    /// <summary>Construction in the constructor, after the layers and their initialisation.</summary>
    public virtual void WriteConstruction(SourceWriter w, AnalyzedModel model)
    {
    }

    /// <summary>Registration in the constructor, after the layers'.</summary>
    public virtual void WriteRegistration(SourceWriter w, AnalyzedModel model)
    {
    }

    /// <summary>The encoder and decoder methods.</summary>
    public virtual void WriteNetworks(SourceWriter w, AnalyzedModel model)
    {
        ModelEmitter.WriteNetwork(w, model.Encoder);
        ModelEmitter.WriteNetwork(w, model.Decoder);
    }

    /// <summary>forward, Reconstruct, LossFunction and the objective, and whatever else the family offers.</summary>
    public abstract void WriteMembers(SourceWriter w, AnalyzedModel model);

    /// <summary>
    /// The runtime's capability interfaces the family adds to <c>IAutoencoder&lt;TSelf&gt;</c> (see <see cref="RuntimeInterfaces"/>);
    /// the family's public members implement them. A plain autoencoder adds none.
    /// </summary>
    public virtual IEnumerable<Capability> Interfaces(AnalyzedModel model) => Enumerable.Empty<Capability>();

    /// <summary>
    /// <c>IAutoencoder.Features</c> of <c>input</c>: the encoder's deterministic output, before any sampling or quantisation;
    /// and what that is, for the comment above it.
    /// </summary>
    public virtual (string Expression, string Description) Features(AnalyzedModel model)
        => (model.Encoder.MethodName + "(input)", "the encoder's output");

    /// <summary>Explicit implementations of the family's capability interfaces, after the runtime interfaces' own.</summary>
    public virtual void WriteExplicitMembers(SourceWriter w, AnalyzedModel model)
    {
    }

    /// <summary>Members of the generated Trainer beyond fitting and evaluation.</summary>
    public virtual void WriteTrainerMembers(SourceWriter w, AnalyzedModel model)
    {
    }
}

/// <summary>A runtime capability interface, by its name in Autoencoder.Runtime.Models, and the public members that implement it.</summary>
internal sealed record Capability(string Name, params string[] Members)
{
    public string FullName => TorchNames.Models + "." + Name;
}
