using System.Collections.Generic;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>Adam with L2 weight decay: the decay, if any, is added to the gradient before the moments (PyTorch's <c>Adam</c>).</summary>
public sealed class Adam : AdamOptimizer
{
    /// <summary>Adam over one group of parameters.</summary>
    public Adam(IEnumerable<Parameter> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999,
        double epsilon = 1e-8, double weightDecay = 0)
        : this([new ParameterGroup(parameters, learningRate, weightDecay)], beta1, beta2, epsilon)
    {
    }

    /// <summary>Adam over parameter groups, each with its own rate and decay.</summary>
    public Adam(IEnumerable<ParameterGroup> groups, double beta1 = 0.9, double beta2 = 0.999, double epsilon = 1e-8)
        : base("Adam", groups, beta1, beta2, epsilon)
    {
    }

    private protected override Tensor ApplyWeightDecay(ParameterGroup group, Parameter parameter, Tensor grad)
    {
        if (group.WeightDecay == 0)
            return grad;
        using var decay = group.WeightDecay.ToScalar();
        return grad.add(parameter, decay);
    }
}
