namespace Autoencoder.Runtime.Training;

/// <summary>Where a generated trainer puts the model and its batches.</summary>
public enum TrainingDevice
{
    /// <summary>The CPU (what the tests run on).</summary>
    Cpu = 0,
    /// <summary>CUDA; creating the trainer fails with a clear error when no CUDA device is available.</summary>
    Cuda = 1,
    /// <summary>CUDA when available, the CPU otherwise.</summary>
    CudaIfAvailable = 2,
}
