using System;
using TorchSharp;

namespace Autoencoder.Runtime.Training;

/// <summary>Turns a trainer's device and thread settings into TorchSharp state.</summary>
public static class TrainingDevices
{
    /// <summary>The device to train on.</summary>
    /// <exception cref="InvalidOperationException"><see cref="TrainingDevice.Cuda"/> was asked for and CUDA is not available.</exception>
    public static torch.Device Resolve(TrainingDevice device) => device switch
    {
        TrainingDevice.Cpu => torch.CPU,
        TrainingDevice.Cuda when torch.cuda.is_available() => torch.CUDA,
        TrainingDevice.Cuda => throw new InvalidOperationException(
            "TrainingDevice.Cuda was asked for, but CUDA is not available (this TorchSharp build or machine has no CUDA device). " +
            "Use TrainingDevice.CudaIfAvailable to fall back to the CPU."),
        TrainingDevice.CudaIfAvailable => torch.cuda.is_available() ? torch.CUDA : torch.CPU,
        _ => throw new ArgumentOutOfRangeException(nameof(device), device, "Unknown TrainingDevice."),
    };

    /// <summary>Sets the number of threads TorchSharp uses for intra-op parallelism; null leaves TorchSharp's choice.</summary>
    public static void ApplyThreads(int? threads)
    {
        if (threads is null)
            return;
        if (threads < 1)
            throw new ArgumentOutOfRangeException(nameof(threads), threads, "The thread count must be at least 1.");
        torch.set_num_threads(threads.Value);
    }
}
