namespace Autoencoder.Generators.Layers;

/// <summary>Batch normalisation, <c>[BatchNorm]</c>, <c>batch_norm: {}</c>; 1-d or 2-d follows from the input's rank.</summary>
internal sealed record BatchNormSpec(LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => BatchNormKind.Instance;

    public override string Describe() => "BatchNorm";
}

internal sealed class BatchNormKind : LayerKind<BatchNormSpec>
{
    public static readonly BatchNormKind Instance = new();

    private BatchNormKind()
        : base("BatchNorm", "batch_norm")
    {
    }

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new BatchNormSpec(a.Location);

    /// <summary>BatchNorm2d on [C, H, W], BatchNorm1d on [F]: a scale and a shift per channel. Running statistics are buffers, not parameters.</summary>
    protected override LayerShape Infer(BatchNormSpec layer, Shape input) => input.Rank is 1 or 3
        ? LayerShape.Ok(input, 2L * input.Channels)
        : LayerShape.Fails("batch normalisation needs features [F] or an image [C, H, W], not rank " + input.Rank);

    protected override Activation? OutputActivation(BatchNormSpec layer) => Activation.None;

    public override LayerSpec? BatchDependent(LayerSpec layer) => layer;

    public override string FieldType(AnalyzedLayer layer)
        => layer.Input.Rank == 1 ? "global::TorchSharp.Modules.BatchNorm1d" : "global::TorchSharp.Modules.BatchNorm2d";

    protected override string Construction(AnalyzedLayer layer, BatchNormSpec spec)
        => TorchNames.Nn + (layer.Input.Rank == 1 ? ".BatchNorm1d(" : ".BatchNorm2d(") + Literals.Format(layer.Input.Channels) + ")";

    // Not BatchNorm's own forward: it counts a training batch with a temporary Scalar (ScalarHelpers.BatchNorm).
    protected override string Application(SourceWriter w, AnalyzedLayer layer, BatchNormSpec spec, string p) => ScalarHelpers.BatchNorm(layer.Name, p);
}
