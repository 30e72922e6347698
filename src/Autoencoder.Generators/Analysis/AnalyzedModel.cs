using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// A valid model with every shape and default resolved: the one input of the emitter. It holds no
/// locations, so moving a declaration around in its file does not regenerate code.
/// </summary>
internal sealed record AnalyzedModel(
    TypeSpec Type,
    Shape Input,
    AnalyzedNetwork Encoder,
    AnalyzedNetwork Decoder,
    ReconstructionLoss Loss,
    ResolvedOptimizer Optimizer,
    ResolvedTraining Training)
{
    /// <summary>Plain, variational, vector-quantised or compression, with the family's resolved settings.</summary>
    public AnalyzedFamily Family { get; init; } = PlainFamily.Instance;

    /// <summary>What the decoder takes: the latent z of a variational model, else the encoder's output.</summary>
    public Shape Code => Family.DecoderInput ?? Encoder.Output;

    /// <summary>Modules between the encoder and the decoder (a variational model's heads), in module order.</summary>
    public EquatableArray<AnalyzedLayer> LatentLayers => Family.LatentLayers;

    /// <summary>The multiple and smallest size of a model with a free height or width; null when its input is fixed.</summary>
    public FreeSides? Free { get; init; }

    /// <summary>How the trainer reads image folders; null for a model that reads none (vectors, or a fixed size without <c>[TrainingData]</c>).</summary>
    public ResolvedTrainingData? TrainingData { get; init; }

    /// <summary>Input corruption and code penalties, resolved; null when the model declares none.</summary>
    public AnalyzedRegularization? Regularization { get; init; }

    /// <summary>
    /// True when the module emits <c>TrainingObjective</c>, returning the loss with its named terms (penalties, KL,
    /// codebook losses, rate); false when <c>TrainingLoss</c> alone is the objective.
    /// </summary>
    public bool HasObjective => Family.HasTerms || Regularization?.HasPenalty == true;

    public long ParameterCount => Encoder.ParameterCount + LatentLayers.Sum(l => l.Parameters) + Decoder.ParameterCount + Family.Parameters;
}

internal sealed record AnalyzedNetwork(
    string Role,
    string MethodName,
    string ParameterName,
    string Accessibility,
    bool DeclaredByUser,
    Shape Input,
    EquatableArray<AnalyzedLayer> Layers)
{
    public Shape Output => Layers.Count == 0 ? Input : Layers[Layers.Count - 1].Output;

    public long ParameterCount
    {
        get
        {
            long total = 0;
            foreach (var layer in Layers)
            {
                total += layer.Parameters;
            }

            return total;
        }
    }
}

/// <param name="Name">Name of the layer in the module (field and state-dict key), e.g. <c>encoder1</c>.</param>
/// <param name="HasModule">Whether the layer is a submodule with a field (it has weights or state).</param>
internal sealed record AnalyzedLayer(LayerSpec Layer, string Name, bool HasModule, Shape Input, Shape Output, long Parameters)
{
    /// <summary>A residual block's body, in order; empty for every other layer.</summary>
    public EquatableArray<AnalyzedLayer> Block { get; init; } = EquatableArray<AnalyzedLayer>.Empty;

    /// <summary>A residual block's projection of its input, when the body changes the shape.</summary>
    public AnalyzedLayer? Projection { get; init; }

    /// <summary>This layer and every layer inside it, depth first: the body in order, then the projection.</summary>
    public System.Collections.Generic.IEnumerable<AnalyzedLayer> SelfAndNested()
    {
        yield return this;
        foreach (var inner in Block)
        {
            foreach (var nested in inner.SelfAndNested())
            {
                yield return nested;
            }
        }

        if (Projection is not null)
        {
            yield return Projection;
        }
    }
}

internal sealed record ResolvedOptimizer(
    OptimizerKind Kind,
    double LearningRate,
    double WeightDecay,
    double Momentum,
    bool Nesterov,
    double Beta1,
    double Beta2);

/// <summary>The training settings with defaults filled in; the optional controls stay null when not declared.</summary>
internal sealed record ResolvedTraining(
    int Epochs,
    int BatchSize,
    long Seed,
    double? GradientClipNorm,
    ResolvedEarlyStopping? EarlyStopping,
    ResolvedSchedule? Schedule);

internal sealed record ResolvedEarlyStopping(int Patience, double MinDelta, bool RestoreBestWeights);

/// <summary>A schedule kind and the arguments of its runtime record, in constructor order, every default filled in.</summary>
internal sealed record ResolvedSchedule(ScheduleKind Kind, EquatableArray<ScheduleArgument> Arguments);

/// <param name="Name">The constructor parameter, which is also the attribute property, e.g. <c>StepSize</c>.</param>
/// <param name="Value">The value as a C# literal, e.g. <c>10</c> or <c>0.5</c>.</param>
internal sealed record ScheduleArgument(string Name, string Value);
