using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Data;

/// <summary>Where an epoch starts and the order it visits the samples in, the same for every source.</summary>
internal static class EpochPositions
{
    /// <summary>The position (0-based sample index within the epoch's order) of the plan's first batch.</summary>
    public static long FirstPosition(EpochPlan plan, long count, string paramName)
    {
        if (plan.BatchSize <= 0)
            throw new ArgumentOutOfRangeException(paramName, plan.BatchSize, "Batch size must be positive.");
        long steps = (count + plan.BatchSize - 1) / plan.BatchSize;
        if (plan.FirstStep < 0 || plan.FirstStep > steps)
            throw new ArgumentException($"An epoch of {count} samples in batches of {plan.BatchSize} has {steps} steps; it cannot start at step {plan.FirstStep}.", paramName);
        return plan.FirstStep * plan.BatchSize;
    }

    /// <summary>
    /// The epoch's permutation of [0, count), from its own generator seeded with the run's seed and the epoch number, so
    /// a run resumed in the middle of an epoch visits the remaining samples in the order the uninterrupted run would
    /// have. Owned by the caller (detached from any dispose scope).
    /// </summary>
    public static Tensor ShuffledOrder(EpochPlan plan, long count, Device device)
    {
        ulong seed = unchecked(((ulong)plan.Seed * 0x9E3779B97F4A7C15UL) + (ulong)plan.Epoch);
        using var generator = new Generator(seed);
        var order = randperm(count, generator: generator);
        if (device.type != DeviceType.CPU)
        {
            var moved = order.to(device);
            order.Dispose();
            order = moved;
        }
        return order.DetachFromDisposeScope();
    }

    /// <summary>The same permutation, read into memory (for sources that index files, not tensors).</summary>
    public static long[] ShuffledIndices(EpochPlan plan, long count)
    {
        using var order = ShuffledOrder(plan, count, CPU);
        return order.data<long>().ToArray();
    }
}
