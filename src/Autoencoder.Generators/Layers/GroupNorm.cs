using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// Group normalisation of the channels (the first dimension) in equal groups, with a per-channel scale and shift:
/// <c>[GroupNorm(4)]</c>, <c>group_norm: {groups: 4}</c>.
/// </summary>
internal sealed record GroupNormSpec(int Groups, double Epsilon, LocationInfo? Location) : LayerSpec(Location)
{
    public override LayerKind Kind => GroupNormKind.Instance;

    public override string Describe()
        => "GroupNorm(" + Literals.Format(Groups) + (NormText.IsDefault(Epsilon) ? string.Empty : ", " + NormText.Epsilon(Epsilon)) + ")";
}

internal sealed class GroupNormKind : LayerKind<GroupNormSpec>
{
    private static readonly IntParameter Groups = new(nameof(Groups), position: 0, required: true);

    public static readonly GroupNormKind Instance = new();

    private GroupNormKind()
        : base("GroupNorm", "group_norm")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Groups, CommonParameters.Epsilon };

    public override string YamlExample => "e.g. 'group_norm: {groups: 4}'";

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new GroupNormSpec(a.Int(Groups), a.Number(CommonParameters.Epsilon), a.Location);

    protected override bool Validate(GroupNormSpec norm, LayerCheck check) => check.Positive(norm.Groups, "number of groups") & check.Epsilon(norm.Epsilon);

    /// <summary>GroupNorm on [C, ...] (on [F], C = F): a scale and a shift per channel. Groups is positive, validation saw to that.</summary>
    protected override LayerShape Infer(GroupNormSpec norm, Shape input)
    {
        var channels = input.Channels;
        return channels % norm.Groups == 0
            ? LayerShape.Ok(input, 2L * channels)
            : LayerShape.Fails("its " + channels + (input.Rank == 1 ? " features" : " channels") + " are not divisible by its " + norm.Groups + " groups");
    }

    protected override Activation? OutputActivation(GroupNormSpec layer) => Activation.None;

    public override string FieldType(AnalyzedLayer layer) => "global::TorchSharp.Modules.GroupNorm";

    protected override string Construction(AnalyzedLayer layer, GroupNormSpec norm)
        => TorchNames.Nn + ".GroupNorm(" + Literals.Format(norm.Groups) + ", " + Literals.Format(layer.Input.Channels) + NormText.Argument(norm.Epsilon) + ")";

    /// <summary>
    /// Sets the scale to one and the shift to zero: TorchSharp 0.107 allocates them with torch.empty and never fills
    /// them, where PyTorch starts the layer as the identity.
    /// </summary>
    public override IEnumerable<string> Initialisation(AnalyzedLayer layer) => new[]
    {
        "// " + layer.Name + " starts as the identity, as in PyTorch: TorchSharp allocates GroupNorm's scale and shift without setting them.",
        TorchNames.Nn + ".init.ones_(" + layer.Name + ".weight);",
        TorchNames.Nn + ".init.zeros_(" + layer.Name + ".bias);",
    };

    // TorchSharp's GroupNorm module rejects [B, F]; PyTorch reads it as [B, C], the same as [B, C, 1].
    protected override string Application(SourceWriter w, AnalyzedLayer layer, GroupNormSpec spec, string p)
        => layer.Input.Rank == 1 ? layer.Name + ".forward(" + p + ".unsqueeze(-1)).squeeze(-1)" : layer.Name + ".forward(" + p + ")";
}
