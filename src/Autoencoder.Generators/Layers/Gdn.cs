using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Generalized divisive normalization of an image's channels, or its inverse: <c>[Gdn]</c>, <c>[Gdn(Inverse = true)]</c>,
/// <c>gdn: {}</c>, <c>gdn: {inverse: true}</c>. The module is the runtime's <c>Autoencoder.Runtime.Layers.Gdn</c>.
/// </summary>
internal sealed record GdnSpec(bool Inverse, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => GdnKind.Instance;

    public override string Describe() => Inverse ? "Gdn(Inverse)" : "Gdn";
}

internal sealed class GdnKind : LayerKind<GdnSpec>
{
    private static readonly BoolParameter Inverse = new(nameof(Inverse), false);

    public static readonly GdnKind Instance = new();

    private GdnKind()
        : base("Gdn", "gdn")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Inverse };

    public override string YamlExample => "e.g. 'gdn: {}' or 'gdn: {inverse: true}'";

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new GdnSpec(a.Bool(Inverse), a.Location);

    /// <summary>Keeps the shape; β has C values and γ C×C, whatever the height and width.</summary>
    protected override LayerShape Infer(GdnSpec gdn, Shape input)
    {
        if (ImageShapes.NeedsImage(input) is { } problem)
            return LayerShape.Fails(problem);
        long c = input.Channels;
        return c > 46340
            ? LayerShape.Fails("its " + c + " channels would need a " + c + "×" + c + " γ, too many parameters to hold")
            : LayerShape.Ok(input, c + c * c);
    }

    // GDN is itself the nonlinearity of the layer before it.
    protected override Activation? OutputActivation(GdnSpec layer) => Activation.None;

    public override string FieldType(AnalyzedLayer layer) => TorchNames.Runtime + ".Layers.Gdn";

    protected override string Construction(AnalyzedLayer layer, GdnSpec gdn)
        => "new " + TorchNames.Runtime + ".Layers.Gdn(\"" + layer.Name + "\", " + Literals.Format(layer.Input.Channels) + (gdn.Inverse ? ", inverse: true" : string.Empty) + ")";

    protected override string Application(SourceWriter w, AnalyzedLayer layer, GdnSpec spec, string p) => layer.Name + ".forward(" + p + ")";
}
