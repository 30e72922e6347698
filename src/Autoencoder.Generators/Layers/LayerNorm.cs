using System.Globalization;

namespace Autoencoder.Generators.Layers;

/// <summary>Layer normalisation over each sample's whole shape, with an elementwise scale and shift: <c>[LayerNorm]</c>, <c>layer_norm: {}</c>.</summary>
internal sealed record LayerNormSpec(double Epsilon, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => LayerNormKind.Instance;

    public override string Describe() => "LayerNorm" + (NormText.IsDefault(Epsilon) ? string.Empty : "(" + NormText.Epsilon(Epsilon) + ")");
}

internal sealed class LayerNormKind : LayerKind<LayerNormSpec>
{
    public static readonly LayerNormKind Instance = new();

    private LayerNormKind()
        : base("LayerNorm", "layer_norm")
    {
    }

    public override System.Collections.Generic.IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { CommonParameters.Epsilon };

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new LayerNormSpec(a.Number(CommonParameters.Epsilon), a.Location);

    protected override bool Validate(LayerNormSpec norm, LayerCheck check) => check.Epsilon(norm.Epsilon);

    /// <summary>LayerNorm over the whole sample, of any shape: a scale and a shift per element.</summary>
    protected override LayerShape Infer(LayerNormSpec norm, Shape input)
        => ImageShapes.NeedsFixedSize(input, "it has a scale and a shift per element") is { } problem
            ? LayerShape.Fails(problem + ": normalise over channels and pixels with GroupNorm(1) instead")
            : input.Size > ImageShapes.MaxExactParameters / 2
        ? LayerShape.Fails("it would have about " + (2.0 * input.Size).ToString("E2", CultureInfo.InvariantCulture) + " parameters, too many to hold")
        : LayerShape.Ok(input, 2L * input.Size);

    protected override Activation? OutputActivation(LayerNormSpec layer) => Activation.None;

    public override string FieldType(AnalyzedLayer layer) => "global::TorchSharp.Modules.LayerNorm";

    protected override string Construction(AnalyzedLayer layer, LayerNormSpec norm)
        => TorchNames.Nn + ".LayerNorm(new long[] { " + layer.Input.ToCSharpList() + " }" + NormText.Argument(norm.Epsilon) + ")";

    protected override string Application(SourceWriter w, AnalyzedLayer layer, LayerNormSpec spec, string p) => layer.Name + ".forward(" + p + ")";
}
