namespace Autoencoder.Generators.Layers;

/// <summary>
/// A declared layer's settings as a front-end found them: an attribute's arguments or a YAML map. A kind reads its
/// parameters through this, the same way for both. A setting left out gives its default; one that cannot be read
/// is reported by the front-end (YAML) and gives its default too, since no code is generated then.
/// </summary>
internal abstract class LayerArguments
{
    /// <summary>The whole declaration: the attribute, or the YAML list item.</summary>
    public abstract LocationInfo? Location { get; }

    public abstract int Int(IntParameter parameter);

    public abstract int? Int(OptionalIntParameter parameter);

    public abstract double Number(NumberParameter parameter);

    public abstract bool Bool(BoolParameter parameter);

    public abstract EquatableArray<int> Ints(IntsParameter parameter);

    public abstract T Choice<T>(ChoiceParameter<T> parameter)
        where T : struct;

    /// <summary>Height and width, both null when not given.</summary>
    public abstract (int? Height, int? Width) Size(SizeParameter parameter);

    /// <summary>A block's nested layers; null when the front-end writes them after the block's marker (attributes).</summary>
    public abstract EquatableArray<LayerSpec>? Layers(LayersParameter parameter);

    /// <summary>
    /// Called when a layer needs one of two settings and has neither. YAML reports the first as missing, with
    /// <paramref name="example"/>; attributes leave it to validation, which words it for C#.
    /// </summary>
    public abstract void NeedsOneOf(LayerParameter first, LayerParameter second, string example);
}
