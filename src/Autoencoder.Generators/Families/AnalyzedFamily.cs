namespace Autoencoder.Generators.Families;

/// <summary>
/// What kind of autoencoder a model is, with its resolved settings: plain (deterministic code), variational,
/// vector-quantised or compression. One value per analysed model; its <see cref="Emitter"/> writes the family's part of
/// the module and the trainer, so nothing else branches on the family. Each family's record lives with its analysis.
/// </summary>
internal abstract record AnalyzedFamily
{
    /// <summary>Writes the members this family adds or shapes. A property, not a field: it takes no part in equality.</summary>
    public abstract FamilyEmitter Emitter { get; }

    /// <summary>What the decoder takes when it is not the encoder's output (a variational model's latent z).</summary>
    public virtual Shape? DecoderInput => null;

    /// <summary>Modules between the encoder and the decoder (a variational model's heads), in module order.</summary>
    public virtual EquatableArray<AnalyzedLayer> LatentLayers => EquatableArray<AnalyzedLayer>.Empty;

    /// <summary>Learned values outside the layers (a codebook).</summary>
    public virtual long Parameters => 0;

    /// <summary>Whether the loss has terms of its own (KL, codebook, rate), so the module emits <c>TrainingObjective</c>.</summary>
    public virtual bool HasTerms => false;

    /// <summary>
    /// The module between encoder and decoder that the summary table and the fingerprint list (a quantizer, an entropy
    /// model): its module name, description, code and parameter count (null when only the runtime knows it).
    /// </summary>
    public virtual Bottleneck? Between => null;

    /// <summary>
    /// How many of <see cref="LatentLayers"/> come before <see cref="Between"/> in the summary, in the order data flows
    /// (a hyperprior's hyper-encoder, then the density of z, then its hyper-decoder); all of them by default.
    /// </summary>
    public virtual int LayersBeforeBetween => LatentLayers.Count;
}

internal sealed record Bottleneck(string Module, string Description, Shape Code, long? Parameters);

/// <summary>A deterministic autoencoder: Decode(Encode(x)), trained on the reconstruction loss and any declared penalties.</summary>
internal sealed record PlainFamily : AnalyzedFamily
{
    public static readonly PlainFamily Instance = new();

    public override FamilyEmitter Emitter => PlainEmitter.Instance;
}
