using System;
using System.IO;
using Autoencoder.Runtime.IO;

namespace Autoencoder.Runtime.Training;

/// <summary>Writes one run's checkpoints into its directory: atomically, newest N kept, plus best.ckpt.</summary>
internal sealed class CheckpointStore
{
    private readonly CheckpointOptions _options;

    public CheckpointStore(CheckpointOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Directory, "options.Checkpoints.Directory");
        if (options.KeepLast < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.KeepLast, "CheckpointOptions.KeepLast must be at least 1.");
        if (options.EverySteps is < 1)
            throw new ArgumentOutOfRangeException(nameof(options), options.EverySteps, "CheckpointOptions.EverySteps must be at least 1 when set.");
        _options = options;
        Directory = Path.GetFullPath(options.Directory);
    }

    public string Directory { get; }

    public int? EverySteps => _options.EverySteps;

    /// <summary>The newest checkpoint to resume from, or null when starting fresh.</summary>
    /// <exception cref="InvalidOperationException">Resuming is off and the directory holds another run's checkpoints,
    /// which the new run's files would mix with.</exception>
    public string? ResumePoint()
    {
        CheckpointDirectory.RemoveInterruptedWrites(Directory);
        var latest = CheckpointDirectory.FindLatest(Directory);
        if (latest is not null && !_options.Resume)
            throw new InvalidOperationException(
                $"Checkpoint directory '{Directory}' already holds checkpoints of a run (newest: {Path.GetFileName(latest)}) and " +
                "CheckpointOptions.Resume is off. Set Resume to continue that run, or use another directory (or delete those files) to start a new one.");
        return latest;
    }

    /// <summary>Writes a checkpoint and returns its path; also as best.ckpt when <paramref name="isBest"/>.</summary>
    public string Write(byte[] contents, int completedEpochs, long stepsIntoEpoch, bool isBest)
    {
        // The best copy first: a run resumes after the newest checkpoint, so a crash between the two writes must not
        // leave that one in place without its copy (the resumed run would never write the copy again).
        if (isBest && _options.KeepBest)
            AtomicFile.WriteAllBytes(Path.Combine(Directory, CheckpointDirectory.BestFileName), contents);
        string path = Path.Combine(Directory, CheckpointDirectory.FileName(completedEpochs, stepsIntoEpoch));
        AtomicFile.WriteAllBytes(path, contents);
        CheckpointDirectory.Prune(Directory, _options.KeepLast);
        return path;
    }
}
