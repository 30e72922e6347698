using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.KillHarness.Child;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Parent;

/// <summary>What a killed child left in its checkpoint directory.</summary>
/// <param name="Newest">The newest complete checkpoint, which the next child must resume from; null when none exists yet.</param>
/// <param name="Position">Where the newest checkpoint is in the run; where the next child starts.</param>
/// <param name="FilesChecked">Complete checkpoint files checked (all of them, best.ckpt included).</param>
/// <param name="Failures">Files that failed to inspect or load, with the reason.</param>
/// <param name="TempFiles">Temporary files of interrupted writes: a child died in the middle of writing them.</param>
internal sealed record DirectoryState(
    string? Newest, RunPosition Position, int FilesChecked, IReadOnlyList<string> Failures, IReadOnlyList<string> TempFiles)
{
    /// <summary>A temporary file that was not there before: this kill interrupted a write (an older one may still lie there).</summary>
    public bool NewTempFileSince(DirectoryState before) => TempFiles.Except(before.TempFiles).Any();
}

/// <summary>Checks that every complete checkpoint a killed child left passes <c>Checkpoint.Inspect</c> and loads into a fresh model.</summary>
internal static class CheckpointCheck
{
    public static DirectoryState Examine(string directory, TrainingSize size)
    {
        var files = CheckpointDirectory.List(directory).ToList();
        string best = Path.Combine(directory, CheckpointDirectory.BestFileName);
        if (File.Exists(best))
            files.Add(best);

        var failures = new List<string>();
        bool images = size.ImageFolder is not null;
        using TorchSharp.torch.nn.Module model = images ? new HarnessPhotoAutoencoder() : new HarnessAutoencoder();
        string fingerprint = images ? HarnessPhotoAutoencoder.Fingerprint : HarnessAutoencoder.Fingerprint;
        foreach (var file in files)
        {
            try
            {
                Checkpoint.Inspect(file);
                Checkpoint.LoadWeights(model, file, fingerprint);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }

        string? newest = CheckpointDirectory.FindLatest(directory);
        var position = default(RunPosition);
        if (newest is not null && failures.Count == 0)
        {
            var info = Checkpoint.Inspect(newest);
            position = new RunPosition(info.CompletedEpochs, info.StepsIntoEpoch);
        }
        var temporary = Directory.EnumerateFiles(directory, "*.tmp").ToList();
        return new DirectoryState(newest, position, files.Count, failures, temporary);
    }
}
