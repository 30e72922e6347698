namespace Autoencoder.Generators.Layers;

/// <summary>Flattens each sample to one dimension: <c>[Flatten]</c>, <c>flatten: {}</c>.</summary>
internal sealed record FlattenSpec(LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => FlattenKind.Instance;

    public override string Describe() => "Flatten";
}

internal sealed class FlattenKind : LayerKind<FlattenSpec>
{
    public static readonly FlattenKind Instance = new();

    private FlattenKind()
        : base("Flatten", "flatten")
    {
    }

    public override LayerSpec Read(LayerArguments a) => new FlattenSpec(a.Location);

    protected override LayerShape Infer(FlattenSpec layer, Shape input)
        => ImageShapes.NeedsFixedSize(input, "it makes one feature per element") is { } problem ? LayerShape.Fails(problem + ": a model of free sizes stays convolutional")
            : input.Size > int.MaxValue ? LayerShape.Fails("it would have " + input.Size + " features, more than a dimension can hold")
            : LayerShape.Ok(Shape.Of((int)input.Size));

    protected override string Application(SourceWriter w, AnalyzedLayer layer, FlattenSpec spec, string p) => p + ".flatten(1)";
}
