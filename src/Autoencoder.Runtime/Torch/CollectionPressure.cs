using System;
using System.Threading;

namespace Autoencoder.Runtime.Torch;

/// <summary>
/// A thread that forces full, blocking garbage collections and runs the pending finalizers, back to back, for as long as
/// the object lives. Under it, any native call whose managed argument (a TorchSharp Scalar or Tensor) is unreachable
/// during the call has that argument freed under it within milliseconds instead of once in a long run: a program that
/// trains or infers correctly while this runs holds everything it passes to libtorch.
/// </summary>
/// <remarks>
/// The stress mode of the benchmarks (<c>--stress</c>) and the reference runs (<c>--collector</c>) use it; a program can
/// test its own TorchSharp code the same way. Training runs several times slower beside it.
/// </remarks>
public sealed class CollectionPressure : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _collections;

    /// <summary>Starts the collecting thread (a background thread, so it never keeps a process alive).</summary>
    public CollectionPressure()
    {
        _thread = new Thread(Collect) { IsBackground = true, Name = "collection pressure" };
        _thread.Start();
    }

    /// <summary>Collections forced so far.</summary>
    public long Collections => Interlocked.Read(ref _collections);

    private void Collect()
    {
        while (!_stop)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true);
            GC.WaitForPendingFinalizers();
            Interlocked.Increment(ref _collections);
        }
    }

    /// <summary>Stops the thread and waits for it.</summary>
    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
