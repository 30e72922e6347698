namespace Autoencoder.Generators.Spec;

/// <summary>Early stopping as declared; null means "not set". <see cref="Location"/> is its attribute or YAML map.</summary>
internal sealed record EarlyStoppingSpec(int Patience, double? MinDelta, bool? RestoreBestWeights, LocationInfo? Location);

/// <summary>
/// A learning-rate schedule as declared: its kind and every parameter any kind takes, null when not set. Which ones
/// apply to the kind, which are required and what the others default to is decided by analysis, the same way for
/// every front-end. <see cref="Location"/> is its attribute or YAML map.
/// </summary>
internal sealed record ScheduleSpec(
    ScheduleKind Kind,
    int? StepSize,
    double? Gamma,
    double? MinLearningRate,
    double? MaxLearningRate,
    double? WarmupFraction,
    double? DivFactor,
    double? FinalDivFactor,
    double? Factor,
    int? Patience,
    double? Threshold,
    LocationInfo? Location);

/// <summary>
/// How the trainer reads an image folder, as declared (<c>[TrainingData]</c>, YAML <c>training_data</c>); null values are unset.
/// </summary>
internal sealed record TrainingDataSpec(int? PatchSize, bool? FlipHorizontal, bool? FlipVertical, double? MinimumScale, int? PatchesPerImage, LocationInfo? Location);
