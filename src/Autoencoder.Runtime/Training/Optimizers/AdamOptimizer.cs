using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// Adam's moment estimates and bias-corrected step (Kingma &amp; Ba 2015), shared by <see cref="Adam"/> and
/// <see cref="AdamW"/>, which differ only in how weight decay enters.
/// </summary>
/// <remarks>
/// The operations, and their order, are those of PyTorch 1.13's single-tensor Adam and of TorchSharp's: m ← β₁m + (1 − β₁)g
/// as <c>mul_</c> then <c>add_</c> (PyTorch 2 writes it as <c>lerp_</c>, which can differ in the last bit), v ← β₂v + (1 − β₂)g²,
/// θ ← θ − (lr / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε). So a run gives the same weights, bit for bit, as with TorchSharp's.
/// </remarks>
public abstract class AdamOptimizer : Optimizer
{
    private readonly Moments[] _moments;

    // The settings as Scalars, made once and held until Dispose: every step passes them for every parameter.
    private readonly Scalar _beta1;
    private readonly Scalar _oneMinusBeta1;
    private readonly Scalar _beta2;
    private readonly Scalar _oneMinusBeta2;
    private readonly Scalar _epsilon;

    private protected AdamOptimizer(string name, IEnumerable<ParameterGroup> groups, double beta1, double beta2, double epsilon)
        : base(name, groups)
    {
        OptimizerArguments.RequireFraction(beta1, nameof(beta1));
        OptimizerArguments.RequireFraction(beta2, nameof(beta2));
        OptimizerArguments.RequirePositive(epsilon, nameof(epsilon));
        Beta1 = beta1;
        Beta2 = beta2;
        Epsilon = epsilon;
        _beta1 = beta1.ToScalar();
        _oneMinusBeta1 = (1 - beta1).ToScalar();
        _beta2 = beta2.ToScalar();
        _oneMinusBeta2 = (1 - beta2).ToScalar();
        _epsilon = epsilon.ToScalar();
        _moments = Groups.SelectMany(g => g.Parameters).Select(p => new Moments(p)).ToArray();
    }

    /// <summary>Decay rate of the first-moment estimate.</summary>
    public double Beta1 { get; }

    /// <summary>Decay rate of the second-moment estimate.</summary>
    public double Beta2 { get; }

    /// <summary>Added to the denominator for numerical stability.</summary>
    public double Epsilon { get; }

    /// <summary>Steps taken for parameter <paramref name="index"/> (the t of the bias corrections).</summary>
    public long StepsOf(int index) => _moments[index].Step;

    /// <summary>Applies the group's weight decay before the moments are updated; returns the gradient the moments see.</summary>
    private protected abstract Tensor ApplyWeightDecay(ParameterGroup group, Parameter parameter, Tensor grad);

    private protected sealed override void Update(ParameterGroup group, int index, Parameter parameter, Tensor grad)
    {
        var moments = _moments[index];
        moments.Step++;
        double biasCorrection1 = 1 - Math.Pow(Beta1, moments.Step);
        double biasCorrection2 = 1 - Math.Pow(Beta2, moments.Step);
        grad = ApplyWeightDecay(group, parameter, grad);

        moments.First.mul_(_beta1).add_(grad, _oneMinusBeta1);
        moments.Second.mul_(_beta2).addcmul_(grad, grad, _oneMinusBeta2);

        using var sqrtBiasCorrection2 = Math.Sqrt(biasCorrection2).ToScalar();
        var denominator = moments.Second.sqrt().div(sqrtBiasCorrection2).add_(_epsilon, HeldScalars.One);
        using var stepSize = (-(group.LearningRate / biasCorrection1)).ToScalar();
        parameter.addcdiv_(moments.First, denominator, stepSize);
    }

    // Per group: β₁, β₂, ε, weight decay, AMSGrad (false), maximize (false).
    private protected sealed override void WriteOptions(BinaryWriter writer, ParameterGroup group)
    {
        writer.Write(Beta1);
        writer.Write(Beta2);
        writer.Write(Epsilon);
        writer.Write(group.WeightDecay);
        writer.Write(false);
        writer.Write(false);
    }

    private protected sealed override void ReadOptions(BinaryReader reader, ParameterGroup group, int groupIndex, string source)
    {
        StateFormat.RequireSame(source, groupIndex, "beta1", reader.ReadDouble(), Beta1);
        StateFormat.RequireSame(source, groupIndex, "beta2", reader.ReadDouble(), Beta2);
        StateFormat.RequireSame(source, groupIndex, "eps", reader.ReadDouble(), Epsilon);
        StateFormat.RequireSame(source, groupIndex, "weight_decay", reader.ReadDouble(), group.WeightDecay);
        StateFormat.RequireSame(source, groupIndex, "amsgrad", reader.ReadBoolean(), false);
        StateFormat.RequireSame(source, groupIndex, "maximize", reader.ReadBoolean(), false);
    }

    // Per parameter: steps, m, v, and whether an AMSGrad maximum follows (never, here).
    private protected sealed override void WriteParameterState(BinaryWriter writer, int index)
    {
        var moments = _moments[index];
        writer.Write(moments.Step);
        StateFormat.WriteTensor(writer, moments.First);
        StateFormat.WriteTensor(writer, moments.Second);
        writer.Write(false);
    }

    private protected sealed override IDisposable ReadParameterState(BinaryReader reader, int index, Parameter parameter, string source)
    {
        long step = reader.ReadInt64();
        if (step < 0)
            throw StateFormat.Bad(source, $"parameter {index} has taken {step} steps");
        Tensor? first = null;
        Tensor? second = null;
        try
        {
            first = StateFormat.ReadTensor(reader, parameter, $"parameter {index}'s first moment", source);
            second = StateFormat.ReadTensor(reader, parameter, $"parameter {index}'s second moment", source);
            if (reader.ReadBoolean())
                throw StateFormat.Bad(source, $"parameter {index} has an AMSGrad maximum, and this runtime's Adam does not use AMSGrad");
            var loaded = new Moments(step, first, second);
            first = second = null;
            return loaded;
        }
        finally
        {
            first?.Dispose();
            second?.Dispose();
        }
    }

    private protected sealed override void ReplaceParameterState(int index, IDisposable state)
    {
        var old = _moments[index];
        _moments[index] = (Moments)state;
        old.Dispose();
    }

    private protected sealed override void DisposeState()
    {
        foreach (var moments in _moments)
            moments.Dispose();
        foreach (var scalar in new[] { _beta1, _oneMinusBeta1, _beta2, _oneMinusBeta2, _epsilon })
            scalar.Dispose();
    }

    /// <summary>A parameter's step count and moment estimates, owned outside every dispose scope.</summary>
    private sealed class Moments : IDisposable
    {
        public Moments(Parameter parameter)
        {
            First = zeros_like(parameter).DetachFromDisposeScope();
            Second = zeros_like(parameter).DetachFromDisposeScope();
        }

        public Moments(long step, Tensor first, Tensor second)
        {
            Step = step;
            First = first;
            Second = second;
        }

        public long Step { get; set; }

        public Tensor First { get; }

        public Tensor Second { get; }

        public void Dispose()
        {
            First.Dispose();
            Second.Dispose();
        }
    }
}
