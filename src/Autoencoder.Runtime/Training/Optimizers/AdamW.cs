using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter 2019): decoupled weight decay, θ ← θ(1 − lr·λ) before the Adam step (PyTorch's
/// <c>AdamW</c>). PyTorch's default decay is 0.01 and TorchSharp's 0, so here the decay has no default: the caller states it.
/// </summary>
public sealed class AdamW : AdamOptimizer
{
    /// <summary>AdamW over one group of parameters.</summary>
    public AdamW(IEnumerable<Parameter> parameters, double learningRate, double weightDecay, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8)
        : this([new ParameterGroup(parameters, learningRate, weightDecay)], beta1, beta2, epsilon)
    {
    }

    /// <summary>AdamW over parameter groups, each with its own rate and decay.</summary>
    public AdamW(IEnumerable<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base("AdamW", groups, beta1, beta2, epsilon)
    {
    }

    private protected override Tensor ApplyWeightDecay(ParameterGroup group, Parameter parameter, Tensor grad)
    {
        // A factor of exactly 1 changes nothing, so a group without decay skips the multiplication.
        if (group.WeightDecay != 0)
        {
            using var keep = (1 - (group.LearningRate * group.WeightDecay)).ToScalar();
            parameter.mul_(keep);
        }
        return grad;
    }
}
