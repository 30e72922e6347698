namespace Autoencoder.Generators.Layers;

/// <summary>A layer attribute the generator does not know (a user-derived LayerAttribute): validation reports it.</summary>
internal sealed record UnknownLayerSpec(string AttributeName, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => UnknownLayerKind.Instance;

    public override string Describe() => AttributeName;
}

/// <summary>Not in <see cref="LayerKinds.All"/>: front-ends make its spec for what no kind reads, so it is never silently accepted.</summary>
internal sealed class UnknownLayerKind : LayerKind<UnknownLayerSpec>
{
    public static readonly UnknownLayerKind Instance = new();

    private UnknownLayerKind()
        : base(name: null, yamlKey: null)
    {
    }

    public override LayerSpec Read(LayerArguments a) => new UnknownLayerSpec("?", a.Location);

    protected override bool Validate(UnknownLayerSpec layer, LayerCheck check) => check.Report(DiagnosticDescriptors.UnknownLayer, layer.AttributeName);

    protected override LayerShape Infer(UnknownLayerSpec layer, Shape input) => LayerShape.Fails("it is not a known layer");

    protected override string Application(SourceWriter w, AnalyzedLayer layer, UnknownLayerSpec spec, string p)
        => throw new System.InvalidOperationException("no code for layer " + spec.Describe());
}
