using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Emit;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Layers;

/// <summary>Dropout of whole channels: <c>[Dropout2d(0.1)]</c>, <c>dropout2d: {rate: 0.1}</c>.</summary>
internal sealed record Dropout2dSpec(double Rate, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => Dropout2dKind.Instance;

    public override string Describe() => "Dropout2d(" + Literals.Format(Rate) + ")";
}

internal sealed class Dropout2dKind : LayerKind<Dropout2dSpec>
{
    private static readonly NumberParameter Rate = new(nameof(Rate), position: 0, required: true);

    public static readonly Dropout2dKind Instance = new();

    private Dropout2dKind()
        : base("Dropout2d", "dropout2d")
    {
    }

    public override System.Collections.Generic.IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Rate };

    public override string YamlExample => "e.g. 'dropout2d: {rate: 0.1}'";

    public override LayerSpec Read(LayerArguments a) => new Dropout2dSpec(a.Number(Rate), a.Location);

    protected override bool Validate(Dropout2dSpec layer, LayerCheck check) => check.Rate(layer.Rate);

    protected override LayerShape Infer(Dropout2dSpec layer, Shape input)
        => ImageShapes.NeedsImage(input) is { } problem ? LayerShape.Fails(problem) : LayerShape.Ok(input);

    protected override string Application(SourceWriter w, AnalyzedLayer layer, Dropout2dSpec dropout, string p)
        => TorchNames.Functional + ".dropout2d(" + p + ", " + Literals.Format(dropout.Rate) + ", training)";
}
