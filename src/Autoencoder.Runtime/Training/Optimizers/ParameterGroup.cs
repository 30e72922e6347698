using System;
using System.Collections.Generic;
using System.Linq;
using TorchSharp.Modules;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// Parameters that share a learning rate and weight decay, as in PyTorch's <c>param_groups</c>. A schedule sets each
/// group's <see cref="LearningRate"/> from the group's own <see cref="InitialLearningRate"/>.
/// </summary>
public sealed class ParameterGroup
{
    /// <summary>A group of <paramref name="parameters"/> trained at <paramref name="learningRate"/>.</summary>
    /// <exception cref="ArgumentException">No parameters, the same parameter twice, or a rate or decay that is negative or not finite.</exception>
    public ParameterGroup(IEnumerable<Parameter> parameters, double learningRate, double weightDecay = 0)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        Parameters = parameters.ToArray();
        if (Parameters.Count == 0)
            throw new ArgumentException("A parameter group needs at least one parameter.", nameof(parameters));
        OptimizerArguments.RequireNonNegative(learningRate, nameof(learningRate));
        OptimizerArguments.RequireNonNegative(weightDecay, nameof(weightDecay));
        LearningRate = learningRate;
        InitialLearningRate = learningRate;
        WeightDecay = weightDecay;
    }

    /// <summary>The parameters, in the order their state is saved.</summary>
    public IReadOnlyList<Parameter> Parameters { get; }

    /// <summary>The rate of the next step; schedules change it.</summary>
    public double LearningRate { get; set; }

    /// <summary>The rate the group was created with (restored with the rest of the state from a checkpoint): what schedules start from.</summary>
    public double InitialLearningRate { get; internal set; }

    /// <summary>L2 penalty added to the gradient (Adam, SGD) or decoupled decay of the weights (AdamW).</summary>
    public double WeightDecay { get; }
}
