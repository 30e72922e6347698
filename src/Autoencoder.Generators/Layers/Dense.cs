using System.Collections.Generic;

namespace Autoencoder.Generators.Layers;

/// <summary>A fully connected layer over a flat input: <c>[Dense(32, Activation.ReLU)]</c>, <c>dense: {units: 32, activation: relu}</c>.</summary>
internal sealed record DenseSpec(int Units, Activation Activation, bool Bias, double NegativeSlope, WeightInit Init, LocationInfo? Location)
    : LayerSpec(Location)
{
    public override LayerKind Kind => DenseKind.Instance;

    public override string Describe()
    {
        var text = "Dense(" + Units;
        if (Activation != Activation.None)
        {
            text += ", " + Activation;
        }

        if (!Bias)
        {
            text += ", no bias";
        }

        return text + ")";
    }
}

internal sealed class DenseKind : LayerKind<DenseSpec>
{
    private static readonly IntParameter Units = new(nameof(Units), position: 0, required: true);
    private static readonly ChoiceParameter<Activation> DenseActivation = CommonParameters.Activation(position: 1);

    public static readonly DenseKind Instance = new();

    private DenseKind()
        : base("Dense", "dense")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } =
        new LayerParameter[] { Units, DenseActivation, CommonParameters.Bias, CommonParameters.Init, CommonParameters.NegativeSlope };

    public override string YamlExample => "e.g. 'dense: {units: 32}'";

    public override bool HasModule => true;

    public override LayerSpec Read(LayerArguments a) => new DenseSpec(
        a.Int(Units), a.Choice(DenseActivation), a.Bool(CommonParameters.Bias), a.Number(CommonParameters.NegativeSlope), a.Choice(CommonParameters.Init), a.Location);

    protected override bool Validate(DenseSpec dense, LayerCheck check)
        => check.Positive(dense.Units, "units") & check.Neuron(dense.Activation, dense.Init, dense.NegativeSlope);

    protected override LayerShape Infer(DenseSpec dense, Shape input)
    {
        if (input.Rank != 1)
        {
            return LayerShape.Fails("a dense layer needs a flat input; put [Flatten] before it");
        }

        var inFeatures = (long)input.Channels;
        return LayerShape.Ok(Shape.Of(dense.Units), (inFeatures * dense.Units) + (dense.Bias ? dense.Units : 0));
    }

    protected override Activation? OutputActivation(DenseSpec dense) => dense.Activation;

    protected override (WeightInit Init, bool Bias)? Weights(DenseSpec dense) => (dense.Init, dense.Bias);

    protected override DenseSpec WithInit(DenseSpec dense, System.Func<WeightInit, WeightInit> resolve) => dense with { Init = resolve(dense.Init) };

    public override string FieldType(AnalyzedLayer layer) => TorchNames.Linear;

    protected override string Construction(AnalyzedLayer layer, DenseSpec dense)
        => TorchNames.Nn + ".Linear(" + layer.Input.Channels + ", " + dense.Units + ", hasBias: " + (dense.Bias ? "true" : "false") + ")";

    protected override string Application(SourceWriter w, AnalyzedLayer layer, DenseSpec dense, string p)
        => ActivationCode.Apply(w, dense.Activation, dense.NegativeSlope, layer.Name + ".forward(" + p + ")");
}
