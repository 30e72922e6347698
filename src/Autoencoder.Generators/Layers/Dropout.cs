using Autoencoder.Generators.Analysis;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Emit;
using Autoencoder.Generators.Spec;

namespace Autoencoder.Generators.Layers;

/// <summary>Zeroes each value with probability <see cref="Rate"/> while training: <c>[Dropout(0.2)]</c>, <c>dropout: {rate: 0.2}</c>.</summary>
internal sealed record DropoutSpec(double Rate, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => DropoutKind.Instance;

    public override string Describe() => "Dropout(" + Literals.Format(Rate) + ")";
}

internal sealed class DropoutKind : LayerKind<DropoutSpec>
{
    private static readonly NumberParameter Rate = new(nameof(Rate), position: 0, required: true);

    public static readonly DropoutKind Instance = new();

    private DropoutKind()
        : base("Dropout", "dropout")
    {
    }

    public override System.Collections.Generic.IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Rate };

    public override string YamlExample => "e.g. 'dropout: {rate: 0.2}'";

    public override LayerSpec Read(LayerArguments a) => new DropoutSpec(a.Number(Rate), a.Location);

    protected override bool Validate(DropoutSpec layer, LayerCheck check) => check.Rate(layer.Rate);

    protected override LayerShape Infer(DropoutSpec layer, Shape input) => LayerShape.Ok(input);

    protected override string Application(SourceWriter w, AnalyzedLayer layer, DropoutSpec dropout, string p)
        => TorchNames.Functional + ".dropout(" + p + ", " + Literals.Format(dropout.Rate) + ", training)";
}
