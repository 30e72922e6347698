using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// MSE, BCE and PSNR of the model's reconstructions of a fixed set of inputs (see <see cref="ReconstructionMetrics"/>),
/// named <c>{prefix}_mse</c>, <c>{prefix}_bce</c> and <c>{prefix}_psnr</c>.
/// </summary>
public sealed class ReconstructionEpochMetrics : IEpochMetrics
{
    private readonly nn.Module _model;
    private readonly Func<Tensor, Tensor> _reconstruct;
    private readonly Tensor _inputs;
    private readonly int _batchSize;
    private readonly string _prefix;
    private EpochResult? _measured;
    private EpochMetric[] _last = [];

    /// <param name="model">The model, whose <see cref="IAutoencoder.Reconstruct"/> is measured; evaluated in eval mode, its mode restored after.</param>
    /// <param name="inputs">The samples measured every epoch, [N, ...]; not copied, so keep them alive and unchanged.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="prefix">Names the data, e.g. "validation" or "test".</param>
    public ReconstructionEpochMetrics(IAutoencoder model, Tensor inputs, int batchSize, string prefix = "validation")
        : this(RequireModel(model).Module, model.Reconstruct, inputs, batchSize, prefix)
    {
    }

    /// <param name="model">The module behind <paramref name="reconstruct"/>; evaluated in eval mode, its mode restored after.</param>
    /// <param name="reconstruct">Inputs [B, ...] to reconstructions in data space (the generated <c>Reconstruct</c>).</param>
    /// <param name="inputs">The samples measured every epoch, [N, ...]; not copied, so keep them alive and unchanged.</param>
    /// <param name="batchSize">Samples per forward pass.</param>
    /// <param name="prefix">Names the data, e.g. "validation" or "test".</param>
    public ReconstructionEpochMetrics(nn.Module model, Func<Tensor, Tensor> reconstruct, Tensor inputs, int batchSize, string prefix = "validation")
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reconstruct);
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        ArgumentException.ThrowIfNullOrWhiteSpace(prefix);
        _model = model;
        _reconstruct = reconstruct;
        _inputs = inputs;
        _batchSize = batchSize;
        _prefix = prefix;
    }

    private static IAutoencoder RequireModel(IAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model;
    }

    /// <inheritdoc />
    public IReadOnlyList<EpochMetric> Measure(EpochResult epoch)
    {
        ArgumentNullException.ThrowIfNull(epoch);
        // Each epoch gets a new EpochResult, so identity (not record equality) tells a repeat question.
        if (!ReferenceEquals(epoch, _measured))
        {
            var report = ReconstructionMetrics.Evaluate(_model, _reconstruct, _inputs, _batchSize);
            _last = [new(_prefix + "_mse", report.Mse), new(_prefix + "_bce", report.Bce), new(_prefix + "_psnr", report.Psnr)];
            _measured = epoch;
        }

        return _last;
    }
}
