using System.Collections.Generic;
using System.Linq;
using Autoencoder.Generators.FrontEnds;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// A residual block: <c>activation(body(x) + x)</c>, where <see cref="Layers"/> is the body. If the body changes the
/// shape, analysis adds a projection of the input (<see cref="ResidualProjection"/>). Attributes write the body
/// between <c>[Residual]</c> and <c>[EndResidual]</c>; YAML nests it: <c>residual: {layers: [...]}</c>.
/// </summary>
internal sealed record ResidualSpec(EquatableArray<LayerSpec> Layers, Activation Activation, double NegativeSlope, LocationInfo? Location)
    : LayerSpec(Location)
{
    public override LayerKind Kind => ResidualKind.Instance;

    public override string Describe()
    {
        var text = "Residual(" + Layers.Count + (Layers.Count == 1 ? " layer" : " layers");
        return text + (Activation == Activation.None ? ")" : ", " + Activation + ")");
    }
}

internal sealed class ResidualKind : LayerKind<ResidualSpec>
{
    private static readonly LayersParameter Body = new("Layers");
    private static readonly ChoiceParameter<Activation> BlockActivation = CommonParameters.Activation(position: 0);

    public static readonly ResidualKind Instance = new();

    private ResidualKind()
        : base("Residual", "residual")
    {
    }

    public override IReadOnlyList<LayerParameter> Parameters { get; } = new LayerParameter[] { Body, BlockActivation, CommonParameters.NegativeSlope };

    public override string YamlDescription => "a residual block";

    public override string YamlSubject => "residual block at";

    public override string YamlExample => "e.g. 'residual: {activation: relu, layers: [{conv2d: {out_channels: 16, kernel_size: 3, same_padding: true}}]}'";

    /// <summary>YAML gives the body here; for attributes this is the opening marker, and the body follows it.</summary>
    public override LayerSpec Read(LayerArguments a)
    {
        var body = a.Layers(Body);
        var activation = a.Choice(BlockActivation);
        var slope = a.Number(CommonParameters.NegativeSlope);
        return body is { } layers
            ? new ResidualSpec(layers, activation, slope, a.Location)
            : new ResidualMarkers.Open(activation, slope, a.Location);
    }

    protected override bool Validate(ResidualSpec residual, LayerCheck check)
    {
        var valid = check.Activation(residual.Activation) & check.Slope(residual.NegativeSlope);
        if (residual.Layers.Count == 0)
        {
            valid = check.Report(
                DiagnosticDescriptors.MalformedResidualBlock,
                "The residual block in the " + check.Role + " has no layers: a block adds its input to the output of one or more layers");
        }

        foreach (var layer in residual.Layers)
        {
            valid &= check.Nested(layer);
        }

        return valid;
    }

    /// <summary>Only a block's output is inferred here: <see cref="Analyze"/> infers the body layer by layer.</summary>
    protected override LayerShape Infer(ResidualSpec layer, Shape input) => LayerShape.Fails("a residual block is analysed layer by layer");

    /// <summary>The body's layers are named <c>encoder2_0</c>, …; the projection <c>encoder2_projection</c>.</summary>
    public override AnalyzedLayer? Analyze(LayerSpec layer, Shape input, string name, LayerContext context)
    {
        var residual = (ResidualSpec)layer;
        var body = context.Sequence(residual.Layers, input, name + "_");
        if (body is null)
        {
            return null;
        }

        var output = body[body.Count - 1].Output;
        AnalyzedLayer? projection = null;
        if (output != input)
        {
            var (projector, problem) = ResidualProjection.For(input, output);
            var shape = projector is null ? default : projector.Kind.Infer(projector, input);
            if (projector is null || shape.Output != output)
            {
                context.Report(
                    DiagnosticDescriptors.ResidualShapesCannotBeAdded, residual.Location, residual.Describe(), context.Role, input.ToString(), output.ToString(), problem ?? shape.Problem ?? "no projection fits");
                return null;
            }

            projection = new AnalyzedLayer(projector, name + "_projection", HasModule: true, input, output, shape.Parameters);
        }

        long parameters = projection?.Parameters ?? 0;
        foreach (var inner in body)
        {
            parameters += inner.Parameters;
        }

        return new AnalyzedLayer(WithoutLocations(residual), name, HasModule: false, input, output, parameters)
        {
            Block = body.ToEquatableArray(),
            Projection = projection,
        };
    }

    public override LayerSpec WithoutLocations(LayerSpec layer)
    {
        var residual = (ResidualSpec)layer;
        return residual with { Location = null, Layers = residual.Layers.Select(inner => inner.Kind.WithoutLocations(inner)).ToEquatableArray() };
    }

    protected override Activation? OutputActivation(ResidualSpec residual) => residual.Activation;

    protected override ResidualSpec WithInit(ResidualSpec residual, System.Func<WeightInit, WeightInit> resolve)
        => residual with { Layers = residual.Layers.Select(inner => inner.Kind.WithInit(inner, resolve)).ToEquatableArray() };

    public override LayerSpec? BatchDependent(LayerSpec layer)
    {
        foreach (var inner in ((ResidualSpec)layer).Layers)
        {
            if (inner.Kind.BatchDependent(inner) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>The body runs on the parameter itself; a local keeps the block's input for the sum.</summary>
    public override void Write(SourceWriter w, AnalyzedLayer layer, string p)
    {
        var residual = (ResidualSpec)layer.Layer;
        var skip = layer.Name + "Input";
        if (skip == p)
        {
            skip += "_";
        }

        w.Line("var " + skip + " = " + p + ";");
        NetworkWriter.WriteLayers(w, layer.Block, p);
        var shortcut = skip;
        if (layer.Projection is { } projection)
        {
            w.Line("// End of " + layer.Name + ": add its input, projected by " + projection.Layer.Describe() + ": " + projection.Input + " -> " + projection.Output);
            shortcut = projection.Name + ".forward(" + skip + ")";
        }
        else
        {
            w.Line("// End of " + layer.Name + ": add its input");
        }

        w.Line(p + " = " + ActivationCode.Apply(w, residual.Activation, residual.NegativeSlope, p + ".add(" + shortcut + ", " + w.Scalars.One() + ")") + ";");
    }

    protected override string Application(SourceWriter w, AnalyzedLayer layer, ResidualSpec spec, string p)
        => throw new System.InvalidOperationException("a residual block is written by Write, statement by statement");
}

/// <summary><c>[EndResidual]</c>: closes the block the last open <c>[Residual]</c> started. Attributes only; it never reaches analysis.</summary>
internal sealed class EndResidualKind : LayerKind<ResidualMarkers.Close>
{
    public static readonly EndResidualKind Instance = new();

    private EndResidualKind()
        : base("EndResidual", yamlKey: null)
    {
    }

    public override LayerSpec Read(LayerArguments a) => new ResidualMarkers.Close(a.Location);

    protected override LayerShape Infer(ResidualMarkers.Close layer, Shape input) => LayerShape.Fails("[EndResidual] only closes a block");

    protected override string Application(SourceWriter w, AnalyzedLayer layer, ResidualMarkers.Close spec, string p)
        => throw new System.InvalidOperationException("[EndResidual] has no code");
}
