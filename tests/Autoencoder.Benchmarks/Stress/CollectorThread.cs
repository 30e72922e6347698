using System;
using System.Threading;

namespace Autoencoder.Benchmarks.Stress;

/// <summary>
/// A thread that forces full, blocking collections and runs the pending finalizers, back to back, for as long as it
/// lives: any native call whose managed argument (a TorchSharp Scalar or Tensor) is unreachable during the call has its
/// handle freed under it within milliseconds, instead of once in a long run.
/// </summary>
internal sealed class CollectorThread : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stop;
    private long _collections;

    public CollectorThread()
    {
        _thread = new Thread(Collect) { IsBackground = true, Name = "stress collector" };
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

    public void Dispose()
    {
        _stop = true;
        _thread.Join();
    }
}
