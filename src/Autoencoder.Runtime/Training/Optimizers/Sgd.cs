using System;
using System.Collections.Generic;
using System.IO;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training.Optimizers;

/// <summary>
/// Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight decay, with PyTorch's
/// rules: g ← g + λθ; b ← g on the first step, then b ← μb + (1 − τ)g; g ← g + μb (Nesterov) or b; θ ← θ − lr·g.
/// </summary>
public sealed class Sgd : Optimizer
{
    private readonly Tensor?[] _buffers;

    // μ and 1 − τ as Scalars, made once and held until Dispose: every step passes them for every parameter.
    private readonly Scalar _momentum;
    private readonly Scalar _undamped;

    /// <summary>SGD over one group of parameters.</summary>
    public Sgd(IEnumerable<Parameter> parameters, double learningRate, double momentum = 0, double dampening = 0,
        double weightDecay = 0, bool nesterov = false)
        : this([new ParameterGroup(parameters, learningRate, weightDecay)], momentum, dampening, nesterov)
    {
    }

    /// <summary>SGD over parameter groups, each with its own rate and decay.</summary>
    /// <exception cref="ArgumentException">Nesterov momentum without momentum, or with dampening (as PyTorch refuses).</exception>
    public Sgd(IEnumerable<ParameterGroup> groups, double momentum = 0, double dampening = 0, bool nesterov = false)
        : base("SGD", groups)
    {
        OptimizerArguments.RequireNonNegative(momentum, nameof(momentum));
        OptimizerArguments.RequireNonNegative(dampening, nameof(dampening));
        if (nesterov && (momentum <= 0 || dampening != 0))
            throw new ArgumentException("Nesterov momentum needs a positive momentum and zero dampening.", nameof(nesterov));
        Momentum = momentum;
        Dampening = dampening;
        Nesterov = nesterov;
        _buffers = new Tensor?[ParameterCount];
        _momentum = momentum.ToScalar();
        _undamped = (1 - dampening).ToScalar();
    }

    /// <summary>Momentum factor μ; 0 is plain SGD.</summary>
    public double Momentum { get; }

    /// <summary>Dampening τ of the gradient added to the momentum buffer.</summary>
    public double Dampening { get; }

    /// <summary>Nesterov momentum.</summary>
    public bool Nesterov { get; }

    private protected override void Update(ParameterGroup group, int index, Parameter parameter, Tensor grad)
    {
        if (group.WeightDecay != 0)
        {
            using var decay = group.WeightDecay.ToScalar();
            grad = grad.add(parameter, decay);
        }

        if (Momentum != 0)
        {
            var buffer = _buffers[index];
            if (buffer is null)
            {
                buffer = grad.clone().detach().DetachFromDisposeScope();
                _buffers[index] = buffer;
            }
            else
            {
                buffer.mul_(_momentum).add_(grad, _undamped);
            }
            grad = Nesterov ? grad.add(buffer, _momentum) : buffer;
        }

        using var step = (-group.LearningRate).ToScalar();
        parameter.add_(grad, step);
    }

    // Per group: momentum, dampening, weight decay, Nesterov, maximize (false).
    private protected override void WriteOptions(BinaryWriter writer, ParameterGroup group)
    {
        writer.Write(Momentum);
        writer.Write(Dampening);
        writer.Write(group.WeightDecay);
        writer.Write(Nesterov);
        writer.Write(false);
    }

    private protected override void ReadOptions(BinaryReader reader, ParameterGroup group, int groupIndex, string source)
    {
        StateFormat.RequireSame(source, groupIndex, "momentum", reader.ReadDouble(), Momentum);
        StateFormat.RequireSame(source, groupIndex, "dampening", reader.ReadDouble(), Dampening);
        StateFormat.RequireSame(source, groupIndex, "weight_decay", reader.ReadDouble(), group.WeightDecay);
        StateFormat.RequireSame(source, groupIndex, "nesterov", reader.ReadBoolean(), Nesterov);
        StateFormat.RequireSame(source, groupIndex, "maximize", reader.ReadBoolean(), false);
    }

    // Per parameter: whether a momentum buffer exists (not before the first step), then the buffer.
    private protected override void WriteParameterState(BinaryWriter writer, int index) =>
        StateFormat.WriteOptionalTensor(writer, _buffers[index]);

    private protected override IDisposable ReadParameterState(BinaryReader reader, int index, Parameter parameter, string source) =>
        new Buffer(StateFormat.ReadOptionalTensor(reader, parameter, $"parameter {index}'s momentum buffer", source));

    private protected override void ReplaceParameterState(int index, IDisposable state)
    {
        _buffers[index]?.Dispose();
        _buffers[index] = ((Buffer)state).Take();
    }

    private protected override void DisposeState()
    {
        foreach (var buffer in _buffers)
            buffer?.Dispose();
        _momentum.Dispose();
        _undamped.Dispose();
    }

    /// <summary>A loaded momentum buffer (or none) until it replaces the current one.</summary>
    private sealed class Buffer(Tensor? tensor) : IDisposable
    {
        private Tensor? _tensor = tensor;

        public Tensor? Take()
        {
            var taken = _tensor;
            _tensor = null;
            return taken;
        }

        public void Dispose() => _tensor?.Dispose();
    }
}
