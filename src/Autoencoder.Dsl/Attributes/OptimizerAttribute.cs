using System;

namespace Autoencoder;

/// <summary>The optimizer and its hyper-parameters. Unset properties take PyTorch's defaults.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerAttribute : Attribute
{
    /// <summary>Declares the optimizer.</summary>
    public OptimizerAttribute(OptimizerKind kind) => Kind = kind;

    /// <summary>The optimizer.</summary>
    public OptimizerKind Kind { get; }

    /// <summary>Learning rate; 0.001 unless set (SGD: 0.01).</summary>
    public double LearningRate { get; set; }

    /// <summary>Weight decay; 0 unless set, except AdamW's 0.01.</summary>
    public double WeightDecay { get; set; }

    /// <summary>SGD only: momentum factor, 0 unless set.</summary>
    public double Momentum { get; set; }

    /// <summary>SGD only: Nesterov momentum (needs <see cref="Momentum"/> &gt; 0).</summary>
    public bool Nesterov { get; set; }

    /// <summary>Adam and AdamW: decay rate of the first-moment estimate, 0.9 unless set.</summary>
    public double Beta1 { get; set; }

    /// <summary>Adam and AdamW: decay rate of the second-moment estimate, 0.999 unless set.</summary>
    public double Beta2 { get; set; }
}
