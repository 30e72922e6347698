using System;
using System.Linq;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The low-precision copy a run computes its steps in, paired with the trained (master) model parameter by parameter and
/// buffer by buffer. Each step loads the master's weights and batch-norm statistics into it, runs the objective on the
/// batch cast to its type, and hands the gradients (cast up) and updated statistics back, so the optimizer, validation and
/// checkpoints only ever see the float32 master.
/// </summary>
internal sealed class LowPrecisionCopy : IDisposable
{
    private readonly nn.Module _module;
    private readonly Func<Tensor, BatchObjective> _objective;
    private readonly ScalarType _type;
    private readonly TrainingPrecision _precision;
    private readonly (Tensor Master, Tensor Copy)[] _parameters;
    private readonly (Tensor Master, Tensor Copy)[] _buffers;

    public LowPrecisionCopy(LowPrecisionReplica replica, nn.Module master, Device device)
    {
        (_module, _objective) = replica.Create(device);
        _type = replica.Type;
        _precision = replica.Precision;
        try
        {
            _parameters = Pair(master.named_parameters().Select(p => ((string, Tensor))(p.name, p.parameter)).ToArray(),
                _module.named_parameters().Select(p => ((string, Tensor))(p.name, p.parameter)).ToArray(), "parameter");
            _buffers = Pair(master.named_buffers().ToArray(), _module.named_buffers().ToArray(), "buffer");
        }
        catch
        {
            _module.Dispose();
            throw;
        }
    }

    /// <summary>"bfloat16": what checkpoints record, so a run resumes in the precision it started in.</summary>
    public string Name => NameOf(_precision);

    /// <summary>A precision as checkpoints and messages write it: "float32", "bfloat16".</summary>
    public static string NameOf(TrainingPrecision precision) => precision.ToString().ToLowerInvariant();

    /// <summary>Loads the master's weights and statistics and runs the objective on <paramref name="batch"/> in training mode.</summary>
    public BatchObjective Forward(Tensor batch)
    {
        using (no_grad())
        {
            foreach (var (master, copy) in _parameters)
                copy.copy_(master);
            foreach (var (master, copy) in _buffers)
                copy.copy_(master);
        }
        _module.train();
        _module.zero_grad();
        return _objective(batch.is_floating_point() ? batch.to_type(_type) : batch);
    }

    /// <summary>After the backward pass: the copy's gradients, cast up, become the master's, and its statistics go back.</summary>
    public void HandBack()
    {
        using var noGrad = no_grad();
        foreach (var (master, copy) in _parameters)
            master.grad = copy.grad?.to_type(master.dtype);
        foreach (var (master, copy) in _buffers)
            master.copy_(copy);
    }

    public void Dispose() => _module.Dispose();

    // Same class, so the same names in the same order; anything else means the replica was made from another model.
    private static (Tensor, Tensor)[] Pair((string Name, Tensor Tensor)[] master, (string Name, Tensor Tensor)[] copy, string kind)
    {
        if (master.Length != copy.Length)
            throw new InvalidOperationException($"The low-precision copy has {copy.Length} {kind}s and the model {master.Length}: the replica was not made from the trained model's class.");
        var pairs = new (Tensor, Tensor)[master.Length];
        for (int i = 0; i < master.Length; i++)
        {
            if (master[i].Name != copy[i].Name || !master[i].Tensor.shape.SequenceEqual(copy[i].Tensor.shape))
                throw new InvalidOperationException($"The low-precision copy's {kind} {i} is '{copy[i].Name}' {Shape(copy[i].Tensor)} and the model's '{master[i].Name}' {Shape(master[i].Tensor)}: the replica was not made from the trained model's class.");
            pairs[i] = (master[i].Tensor, copy[i].Tensor);
        }
        return pairs;
    }

    private static string Shape(Tensor t) => "[" + string.Join(", ", t.shape) + "]";
}
