using System.Collections.Generic;
using Autoencoder.Generators.FrontEnds.Yaml;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Batch normalisation, <c>[BatchNorm]</c>, <c>batch_norm: {}</c>, optionally followed by an activation
/// (<c>[BatchNorm(Activation = Activation.ReLU)]</c>, <c>batch_norm: {activation: relu}</c>); 1-d or 2-d follows from the input's rank.
/// </summary>
internal sealed record BatchNormSpec(LocationInfo? Location, Activation Activation = Activation.None, double NegativeSlope = Defaults.NegativeSlope) : LayerSpec(Location)
{
    public override LayerKind Kind => BatchNormKind.Instance;

    // Without an activation it reads as it always has, so existing summaries and fingerprints stay as they were.
    public override string Describe() => Activation == Activation.None ? "BatchNorm" : "BatchNorm(" + Activation + ")";
}

internal sealed class BatchNormKind : LayerKind<BatchNormSpec>
{
    private static readonly ChoiceParameter<Activation> After = new(nameof(Activation), YamlVocabulary.Activations);

    public static readonly BatchNormKind Instance = new();

    private BatchNormKind()
        : base("BatchNorm", "batch_norm")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { After, CommonParameters.NegativeSlope };

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new BatchNormSpec(a.Location, a.Choice(After), a.Number(CommonParameters.NegativeSlope));

    protected override bool Validate(BatchNormSpec layer, LayerCheck check) => check.Activation(layer.Activation) & check.Slope(layer.NegativeSlope);

    /// <summary>BatchNorm2d on [C, H, W], BatchNorm1d on [F]: a scale and a shift per channel. Running statistics are buffers, not parameters.</summary>
    protected override LayerShape Infer(BatchNormSpec layer, Shape input) => input.Rank is 1 or 3
        ? LayerShape.Ok(input, 2L * input.Channels)
        : LayerShape.Fails("batch normalisation needs features [F] or an image [C, H, W], not rank " + input.Rank);

    protected override Activation? OutputActivation(BatchNormSpec layer) => layer.Activation;

    public override LayerSpec? BatchDependent(LayerSpec layer) => layer;

    public override string FieldType(AnalyzedLayer layer)
        => layer.Input.Rank == 1 ? "global::TorchSharp.Modules.BatchNorm1d" : "global::TorchSharp.Modules.BatchNorm2d";

    protected override string Construction(AnalyzedLayer layer, BatchNormSpec spec)
        => TorchNames.Nn + (layer.Input.Rank == 1 ? ".BatchNorm1d(" : ".BatchNorm2d(") + Literals.Format(layer.Input.Channels) + ")";

    // Not BatchNorm's own forward: it counts a training batch with a temporary Scalar (ScalarHelpers.BatchNorm).
    protected override string Application(SourceWriter w, AnalyzedLayer layer, BatchNormSpec spec, string p)
        => ActivationCode.Apply(w, spec.Activation, spec.NegativeSlope, ScalarHelpers.BatchNorm(layer.Name, p));
}
