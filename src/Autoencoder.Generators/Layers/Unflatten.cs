namespace Autoencoder.Generators.Layers;

/// <summary>Reshapes a flat sample: <c>[Unflatten(16, 7, 7)]</c>, <c>unflatten: {shape: [16, 7, 7]}</c>.</summary>
internal sealed record UnflattenSpec(EquatableArray<int> Shape, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => UnflattenKind.Instance;

    public override string Describe() => "Unflatten(" + string.Join(", ", Shape) + ")";
}

internal sealed class UnflattenKind : LayerKind<UnflattenSpec>
{
    private static readonly IntsParameter Sizes = new("Shape", position: 0);

    public static readonly UnflattenKind Instance = new();

    private UnflattenKind()
        : base("Unflatten", "unflatten")
    {
    }

    public override System.Collections.Generic.IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Sizes };

    public override string YamlExample => "e.g. 'unflatten: {shape: [1, 28, 28]}'";

    public override LayerSpec Read(LayerArguments a) => new UnflattenSpec(a.Ints(Sizes), a.Location);

    protected override bool Validate(UnflattenSpec layer, LayerCheck check)
        => check.Check(layer.Shape.Count > 0 && System.Linq.Enumerable.All(layer.Shape, d => d > 0), "The shape of " + check.Where, "one or more positive sizes", Shape.Describe(layer.Shape));

    protected override LayerShape Infer(UnflattenSpec unflatten, Shape input)
    {
        if (input.Rank != 1)
        {
            return LayerShape.Fails("it needs a flat input; put [Flatten] before it");
        }

        var target = Shape.Of(System.Linq.Enumerable.ToArray(unflatten.Shape));
        return target.Size != input.Size
            ? LayerShape.Fails(string.Join("×", unflatten.Shape) + " = " + target.Size + " elements, but the input has " + input.Size)
            : LayerShape.Ok(target);
    }

    protected override string Application(SourceWriter w, AnalyzedLayer layer, UnflattenSpec spec, string p)
        => p + ".reshape(" + p + ".shape[0], " + layer.Output.ToCSharpList() + ")";
}
