using System;
using System.Collections;
using System.Runtime.InteropServices;
using System.Threading;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Tunes glibc's malloc for training. A training step allocates and frees the same tens of megabytes of activations
/// over and over; by default glibc hands freed memory at the top of the heap back to the kernel (trimming above 128 KiB,
/// or its dynamic threshold) and serves blocks above its mmap threshold with fresh mappings, so every step faults the
/// same pages in again and the kernel zeroes them. Measured on the bsd68 reference run (DnCNN, batches of 80 40²
/// patches, two threads): a third of the CPU time was system time and a step took 2.6 times as long as with freed memory kept.
/// </summary>
public static class NativeAllocator
{
    // mallopt parameters, from glibc's malloc.h.
    private const int TrimThreshold = -1;
    private const int TopPad = -2;
    private const int MmapThreshold = -3;

    // The largest mmap threshold glibc accepts on 64-bit (larger blocks are always mapped afresh).
    private const int LargestMmapThreshold = 32 * 1024 * 1024;

    /// <summary>Set to <c>0</c> to leave malloc's settings alone.</summary>
    public const string OptOutVariable = "AUTOENCODER_KEEP_FREED_MEMORY";

    private static int AppliedState = -1;

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    private delegate int MalloptFunction(int parameter, int value);

    /// <summary>
    /// Keeps freed memory in the process (no trimming below 2 GiB of free heap top, 1 GiB of padding when the heap
    /// grows, blocks up to 32 MiB from the heap) so later steps reuse it. Applied once per process, by
    /// <c>TrainingLoop.Fit</c> and the command-line tool; a no-op that returns false where the C library is not glibc, when
    /// <see cref="OptOutVariable"/> is <c>0</c>, or when the process sets malloc itself (a <c>MALLOC_*</c> variable or
    /// <c>GLIBC_TUNABLES</c>): the user's settings win. The cost is resident memory that stays at the run's peak.
    /// </summary>
    public static bool KeepFreedMemory()
    {
        if (Volatile.Read(ref AppliedState) is var done and >= 0)
            return done == 1;
        bool applied = Apply();
        Interlocked.CompareExchange(ref AppliedState, applied ? 1 : 0, -1);
        return Volatile.Read(ref AppliedState) == 1;
    }

    private static bool Apply()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable(OptOutVariable) == "0" || UserSetsMalloc())
            return false;
        if (!NativeLibrary.TryLoad("libc.so.6", out var libc) || !NativeLibrary.TryGetExport(libc, "mallopt", out var export))
            return false;
        var mallopt = Marshal.GetDelegateForFunctionPointer<MalloptFunction>(export);
        // mallopt returns 1 on success.
        return mallopt(TrimThreshold, int.MaxValue) == 1
               & mallopt(TopPad, 1 << 30) == 1
               & mallopt(MmapThreshold, LargestMmapThreshold) == 1;
    }

    private static bool UserSetsMalloc()
    {
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            if (variable.Key is string name && (name.StartsWith("MALLOC_", StringComparison.Ordinal) || name == "GLIBC_TUNABLES"))
                return true;
        }

        return false;
    }
}
