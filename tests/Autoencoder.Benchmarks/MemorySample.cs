using System;
using System.Diagnostics;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>The process's memory at one moment, read after a full garbage collection.</summary>
/// <param name="ResidentBytes">Resident set size (<see cref="Process.WorkingSet64"/>: VmRSS on Linux).</param>
/// <param name="PeakResidentBytes">Largest resident set so far (<see cref="Process.PeakWorkingSet64"/>: VmHWM on Linux).</param>
/// <param name="ManagedBytes">Bytes in the managed heap.</param>
/// <param name="LiveTensors">
/// TorchSharp's dispose-scope statistics for this thread: tensors created here minus tensors disposed (explicitly or
/// by a dispose scope). A tensor left to the finalizer stays counted, so a leak shows even after a collection.
/// </param>
/// <param name="TensorObjects">Tensor objects alive in the whole process, finalized ones not counted.</param>
internal readonly record struct MemorySample(long ResidentBytes, long PeakResidentBytes, long ManagedBytes, long LiveTensors, long TensorObjects)
{
    public double ResidentMiB => ResidentBytes / (1024.0 * 1024.0);

    public double PeakResidentMiB => PeakResidentBytes / (1024.0 * 1024.0);

    public double ManagedMiB => ManagedBytes / (1024.0 * 1024.0);

    /// <summary>
    /// Sets the peak (VmHWM) back to the current resident set, so the next sample's peak is that of what runs in between:
    /// writing 5 to /proc/self/clear_refs does it (Linux 4.0+). False where it cannot.
    /// </summary>
    public static bool ResetPeak()
    {
        try
        {
            System.IO.File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is System.IO.IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>Collects garbage (running finalizers, which free the native side of unreachable tensors), then reads.</summary>
    public static MemorySample Take()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        using var process = Process.GetCurrentProcess();
        return new MemorySample(
            process.WorkingSet64,
            process.PeakWorkingSet64,
            GC.GetTotalMemory(forceFullCollection: false),
            DisposeScopeManager.Statistics.ThreadTotalLiveCount,
            Tensor.TotalCount);
    }
}
