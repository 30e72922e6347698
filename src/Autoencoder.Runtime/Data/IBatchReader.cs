using System;
using System.Threading;

namespace Autoencoder.Runtime.Data;

/// <summary>One epoch's batches, in order; disposing it stops any background work it started.</summary>
public interface IBatchReader : IDisposable
{
    /// <summary>
    /// The next batch, or null after the last one. Its tensor is created on the calling thread, in its current
    /// dispose scope. Waits for background work when a batch is not ready; errors from that work are thrown here.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired while waiting.</exception>
    DataBatch? Next(CancellationToken cancellationToken = default);
}
