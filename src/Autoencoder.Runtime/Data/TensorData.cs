using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// Samples already in memory, [N, ...]: what <c>TrainingLoop.Fit</c> trains on when given a tensor. Shuffled epochs
/// visit the samples in the order of a permutation drawn from a generator seeded with (seed, epoch).
/// </summary>
public sealed class TensorData : ITrainingData
{
    private readonly Tensor _inputs;

    /// <summary>Wraps <paramref name="inputs"/> [N, ...] (not copied, not owned: the caller disposes it).</summary>
    /// <exception cref="ArgumentException">A scalar, or no samples.</exception>
    public TensorData(Tensor inputs)
    {
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        _inputs = inputs;
        SampleShape = inputs.shape[1..];
    }

    /// <inheritdoc/>
    public long Count => _inputs.shape[0];

    /// <inheritdoc/>
    public IReadOnlyList<long> SampleShape { get; }

    /// <inheritdoc/>
    public string? Identity => null;

    /// <inheritdoc/>
    public IBatchReader OpenEpoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long start = EpochPositions.FirstPosition(plan, Count, nameof(plan));
        return new Batches(_inputs, plan.Shuffle ? EpochPositions.ShuffledOrder(plan, Count, _inputs.device) : null, start, plan.BatchSize);
    }

    private sealed class Batches(Tensor inputs, Tensor? order, long start, int batchSize) : IBatchReader
    {
        private long _next = start;

        public DataBatch? Next(System.Threading.CancellationToken cancellationToken = default)
        {
            long total = inputs.shape[0];
            if (_next >= total)
                return null;
            long count = Math.Min(batchSize, total - _next);
            var batch = order is null
                ? inputs.narrow(0, _next, count)
                : inputs.index_select(0, order.narrow(0, _next, count));
            _next += count;
            return new DataBatch(batch, 0);
        }

        public void Dispose() => order?.Dispose();
    }
}
