using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// One epoch of an <see cref="ImageFolderData"/>: decode threads take the epoch's positions in order and decode them
/// ahead of the training step, at most <c>capacity</c> positions ahead (each claims a slot before a position and the
/// training thread frees it when it takes that sample), so memory stays bounded whatever the folder's size. Results
/// are kept by position, and every error travels with its position, so batches, and the point where a bad file
/// stops training, are the same whatever the thread timing.
/// </summary>
internal sealed class PrefetchingBatches : IBatchReader
{
    private static readonly TimeSpan WakeInterval = TimeSpan.FromMilliseconds(50);

    private readonly ImageFolderData _source;
    private readonly ImageSampler _sampler;
    private readonly EpochPlan _plan;
    private readonly long[]? _order;
    private readonly long _end;
    private readonly int _batchSize;
    private readonly SemaphoreSlim _slots;
    private readonly object _gate = new();
    private readonly Dictionary<long, SampleOutcome> _ready = new();
    private readonly ConcurrentBag<float[]> _buffers = new();
    private readonly Thread[] _workers;
    private long _nextClaim;
    private long _nextTake;
    private volatile bool _stopping;

    public PrefetchingBatches(ImageFolderData source, ImageSampler sampler, EpochPlan plan, long[]? order, long start, int batchSize)
    {
        _source = source;
        _sampler = sampler;
        _plan = plan;
        _order = order;
        _end = source.Count;
        _batchSize = batchSize;
        _nextClaim = start;
        _nextTake = start;
        var options = source.Options;
        _slots = new SemaphoreSlim(Math.Max(1, options.PrefetchBatches * batchSize));
        _workers = new Thread[options.DecodeThreads];
        for (int i = 0; i < _workers.Length; i++)
        {
            _workers[i] = new Thread(Work) { IsBackground = true, Name = $"ae-image-decode-{i + 1}" };
            _workers[i].Start();
        }
    }

    public DataBatch? Next(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        if (_nextTake >= _end)
            return null;
        int count = (int)Math.Min(_batchSize, _end - _nextTake);
        var samples = new List<SamplePixels>(count);
        int skipped = 0;
        try
        {
            for (int i = 0; i < count; i++)
            {
                var outcome = Take(_nextTake, cancellationToken);
                _nextTake++;
                _slots.Release();
                if (outcome.Error is { } error)
                    throw error is ImageFileException ? error : new InvalidOperationException($"Reading the image folder '{_source.Folder}' failed: {error.Message}", error);
                if (outcome.Bad is { } bad)
                {
                    if (_source.Options.BadImages == BadImagePolicy.Fail)
                        throw new ImageFileException(bad.Path, bad.Reason + " (ImageFolderOptions.BadImages = Skip leaves such files out)");
                    _source.RecordSkipped(bad);
                    skipped++;
                    continue;
                }
                samples.Add(outcome.Pixels!);
            }
            return new DataBatch(samples.Count == 0 ? null : Stack(samples), skipped);
        }
        finally
        {
            foreach (var sample in samples)
                _buffers.Add(sample.Buffer);
        }
    }

    /// <summary>Copies the samples into one new tensor [B, C, H, W] (all of one size: patches, or one whole image).</summary>
    /// <remarks>
    /// The tensor is torch's own allocation, not a wrapper around a managed array: torch aligns its memory, while an
    /// array lies wherever the garbage collector put it, and vectorised kernels split their work by alignment, so the
    /// same batch in another array could give a loss that differs in its last bits and a resume that is not exact.
    /// </remarks>
    private Tensor Stack(List<SamplePixels> samples)
    {
        var first = samples[0];
        int length = _source.Options.Channels * first.Height * first.Width;
        var batch = empty([samples.Count, _source.Options.Channels, first.Height, first.Width], float32);
        using var elements = batch.data<float>();
        for (int i = 0; i < samples.Count; i++)
            elements.CopyFrom(samples[i].Buffer, 0, (long)i * length);
        return batch;
    }

    private SampleOutcome Take(long position, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            SampleOutcome? outcome;
            while (!_ready.Remove(position, out outcome))
            {
                cancellationToken.ThrowIfCancellationRequested();
                Monitor.Wait(_gate, WakeInterval);
            }
            return outcome;
        }
    }

    private void Work()
    {
        while (true)
        {
            _slots.Wait();
            if (_stopping)
                return;
            long position = Interlocked.Increment(ref _nextClaim) - 1;
            if (position >= _end)
                return;

            string path = _source.FileOf(_order is null ? position : _order[position]);
            SampleOutcome outcome;
            try
            {
                outcome = _sampler.Take(path, new SampleRandom(_plan.Seed, _plan.Epoch, position), Rent);
            }
            catch (Exception e)
            {
                // Delivered at its position on the training thread, never lost on this one.
                outcome = SampleOutcome.Failed(new InvalidOperationException($"Decoding '{path}' failed: {e.Message}", e));
            }

            lock (_gate)
            {
                _ready[position] = outcome;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private float[] Rent(int length) =>
        _buffers.TryTake(out var buffer) && buffer.Length == length ? buffer : new float[length];

    public void Dispose()
    {
        if (_stopping)
            return;
        _stopping = true;
        _slots.Release(_workers.Length);
        foreach (var worker in _workers)
            worker.Join();
        _slots.Dispose();
        lock (_gate)
            _ready.Clear();
    }
}
