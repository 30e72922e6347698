namespace Autoencoder.Runtime.Training;

/// <summary>The number format a training step's forward and backward passes run in.</summary>
public enum TrainingPrecision
{
    /// <summary>Everything in float32.</summary>
    Float32,

    /// <summary>
    /// Forward and backward in a bfloat16 copy of the model, whose gradients, cast up, update the float32 weights (the
    /// master copy, which the optimizer, validation and checkpoints use). About twice as fast on CPUs with AVX512-BF16 and
    /// on recent GPUs (docs/benchmarks.md); the loss is computed in bfloat16 too, so keep it for reconstruction models such as
    /// denoisers, not for likelihoods, rates and codebook averages (compression, variational and vector-quantised models). A step whose gradients are not finite is computed again in float32.
    /// </summary>
    BFloat16,
}
