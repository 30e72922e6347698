using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// How to make the low-precision copy of a model that a <see cref="TrainingPrecision.BFloat16"/> run computes its steps in:
/// a new instance of the model's class and its objective. Generated trainers build one from their
/// <c>TrainingOptions.Precision</c>; the run creates the copy, keeps it beside the model and disposes it at the end.
/// </summary>
public sealed class LowPrecisionReplica
{
    private readonly Func<nn.Module> _create;
    private readonly Func<nn.Module, Func<Tensor, BatchObjective>> _objective;

    private LowPrecisionReplica(TrainingPrecision precision, Func<nn.Module> create, Func<nn.Module, Func<Tensor, BatchObjective>> objective)
    {
        Precision = precision;
        _create = create;
        _objective = objective;
    }

    /// <summary>The precision the copy computes in.</summary>
    public TrainingPrecision Precision { get; }

    /// <summary>
    /// The replica for <paramref name="precision"/>, or null for <see cref="TrainingPrecision.Float32"/> (nothing to copy).
    /// </summary>
    /// <param name="precision">The run's precision.</param>
    /// <param name="create">A new model of the trained model's class (same parameters and buffers, by name and shape).</param>
    /// <param name="loss">The copy's loss function: what the trained model's would be.</param>
    public static LowPrecisionReplica? For<TModel>(TrainingPrecision precision, Func<TModel> create, Func<TModel, Func<Tensor, Tensor>> loss)
        where TModel : nn.Module
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(loss);
        return For(precision, create, model =>
        {
            var f = loss(model);
            return batch => new BatchObjective(f(batch));
        });
    }

    /// <summary>The replica for a model whose objective also names the terms of its loss.</summary>
    /// <inheritdoc cref="For{TModel}(TrainingPrecision, Func{TModel}, Func{TModel, Func{Tensor, Tensor}})"/>
    public static LowPrecisionReplica? For<TModel>(TrainingPrecision precision, Func<TModel> create, Func<TModel, Func<Tensor, BatchObjective>> objective)
        where TModel : nn.Module
    {
        ArgumentNullException.ThrowIfNull(create);
        ArgumentNullException.ThrowIfNull(objective);
        return precision switch
        {
            TrainingPrecision.Float32 => null,
            TrainingPrecision.BFloat16 => new LowPrecisionReplica(precision, () => create(), module => objective((TModel)module)),
            _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Not a training precision."),
        };
    }

    /// <summary>The scalar type of the copy's weights and activations.</summary>
    internal ScalarType Type => Precision switch
    {
        TrainingPrecision.BFloat16 => ScalarType.BFloat16,
        _ => ScalarType.Float32,
    };

    /// <summary>A new copy on <paramref name="device"/> in <see cref="Type"/>, and its objective.</summary>
    internal (nn.Module Module, Func<Tensor, BatchObjective> Objective) Create(Device device)
    {
        var module = _create();
        module.to(device);
        module.to(Type);
        return (module, _objective(module));
    }
}
