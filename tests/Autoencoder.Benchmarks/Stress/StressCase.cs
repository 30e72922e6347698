using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Benchmarks.Stress;

/// <summary>One inference path of a trained model: <see cref="Call"/> runs it once.</summary>
internal sealed record StressPath(string Name, Action Call);

/// <summary>
/// A model family under stress: <see cref="Train"/> runs its generated trainer's <c>Fit</c> (with checkpoints) and
/// <see cref="Paths"/> are the inference calls a program makes on the trained model.
/// </summary>
internal sealed record StressCase(string Family, string Optimizer, Func<TrainingReport> Train, IReadOnlyList<StressPath> Paths);
