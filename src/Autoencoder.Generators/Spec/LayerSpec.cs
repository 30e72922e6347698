namespace Autoencoder.Generators.Spec;

/// <summary>
/// A layer as declared. <see cref="Location"/> points at its attribute or YAML node. Each kind's record lives with its
/// <see cref="LayerKind"/> in the Layers folder.
/// </summary>
internal abstract record LayerSpec(LocationInfo? Location)
{
    /// <summary>What reads, checks, shapes and writes this layer. A property, not a field: it takes no part in equality.</summary>
    public abstract LayerKind Kind { get; }

    /// <summary>How the layer reads in messages and in the model summary, e.g. <c>Dense(32, ReLU)</c>.</summary>
    public abstract string Describe();
}
