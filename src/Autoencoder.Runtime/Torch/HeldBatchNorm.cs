using System;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Torch;

/// <summary>
/// A BatchNorm1d/BatchNorm2d forward pass equal to the module's own, with the one number it passes held: TorchSharp
/// 0.107's <c>BatchNorm.forward</c> counts batches with <c>num_batches_tracked.add_(1)</c>, two temporary Scalars that a
/// collection can free during the call. Generated models call this instead of <c>forward</c>; the state and the result
/// are the module's.
/// </summary>
public static class HeldBatchNorm
{
    /// <summary>Normalises <paramref name="input"/> as <paramref name="layer"/>'s <c>forward</c> does (batch statistics
    /// and running-average updates in training mode, the running averages in evaluation mode).</summary>
    public static Tensor Forward(BatchNorm layer, Tensor input)
    {
        ArgumentNullException.ThrowIfNull(layer);
        ArgumentNullException.ThrowIfNull(input);
        double factor = layer.momentum ?? 0.0;
        if (layer.training && layer.track_running_stats && layer.num_batches_tracked is { } batches)
        {
            // An int64 buffer: integer Scalars, as TorchSharp's add_(1) passes.
            batches.add_(HeldScalars.Of(1L), HeldScalars.Of(1L));
            factor = layer.momentum ?? 1.0 / batches.item<long>();
        }

        bool useBatchStatistics = layer.training || (layer.running_mean is null && layer.running_var is null);
        bool passRunning = !layer.training || layer.track_running_stats;
        return nn.functional.batch_norm(input, passRunning ? layer.running_mean : null, passRunning ? layer.running_var : null,
            layer.weight, layer.bias, useBatchStatistics, factor, layer.eps);
    }
}
