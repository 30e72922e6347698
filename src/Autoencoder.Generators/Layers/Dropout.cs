namespace Autoencoder.Generators.Layers;

/// <summary>
/// Zeroes each value with probability <see cref="Rate"/> while training: <c>[Dropout(0.2)]</c>, <c>dropout: {rate: 0.2}</c>.
/// With <see cref="Channels"/>, whole channels of an image: <c>[Dropout2d(0.1)]</c>, <c>dropout2d: {rate: 0.1}</c>.
/// </summary>
internal sealed record DropoutSpec(double Rate, bool Channels, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => Channels ? DropoutKind.Channels : DropoutKind.Values;

    public override string Describe() => (Channels ? "Dropout2d(" : "Dropout(") + Literals.Format(Rate) + ")";
}

/// <summary>One kind per form, sharing this class: <c>[Dropout]</c>/<c>dropout</c> and <c>[Dropout2d]</c>/<c>dropout2d</c>.</summary>
internal sealed class DropoutKind : LayerKind<DropoutSpec>
{
    private static readonly NumberParameter Rate = new(nameof(Rate), position: 0, required: true);

    public static readonly DropoutKind Values = new(channels: false);
    public static readonly DropoutKind Channels = new(channels: true);

    private readonly bool _channels;

    private DropoutKind(bool channels)
        : base(channels ? "Dropout2d" : "Dropout", channels ? "dropout2d" : "dropout") => _channels = channels;

    public override System.Collections.Generic.IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Rate };

    public override string YamlExample => "e.g. '" + YamlKey + ": {rate: " + (_channels ? "0.1" : "0.2") + "}'";

    public override LayerSpec Read(LayerArguments a) => new DropoutSpec(a.Number(Rate), _channels, a.Location);

    protected override bool Validate(DropoutSpec layer, LayerCheck check) => check.Rate(layer.Rate);

    /// <summary>Any shape for values; channel dropout needs an image, whose channels it drops.</summary>
    protected override LayerShape Infer(DropoutSpec layer, Shape input)
        => layer.Channels && ImageShapes.NeedsImage(input) is { } problem ? LayerShape.Fails(problem) : LayerShape.Ok(input);

    protected override string Application(SourceWriter w, AnalyzedLayer layer, DropoutSpec dropout, string p)
        => TorchNames.Functional + (dropout.Channels ? ".dropout2d(" : ".dropout(") + p + ", " + Literals.Format(dropout.Rate) + ", training)";
}
