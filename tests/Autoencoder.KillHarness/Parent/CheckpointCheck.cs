using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.KillHarness.Child;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Parent;

/// <summary>What a killed child left in its checkpoint directory.</summary>
/// <param name="Newest">The newest complete checkpoint, which the next child must resume from; null when none exists yet.</param>
/// <param name="Progress">How far the newest checkpoint is into the run, from 0 to 1.</param>
/// <param name="FilesChecked">Complete checkpoint files checked (all of them, best.ckpt included).</param>
/// <param name="Failures">Files that failed to inspect or load, with the reason.</param>
/// <param name="TempLeftover">A temporary file remained: the child died in the middle of a checkpoint write.</param>
internal sealed record DirectoryState(
    string? Newest, double Progress, int FilesChecked, IReadOnlyList<string> Failures, bool TempLeftover);

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
        using var model = new HarnessAutoencoder();
        foreach (var file in files)
        {
            try
            {
                Checkpoint.Inspect(file);
                Checkpoint.LoadWeights(model, file, HarnessFingerprint.Value);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException)
            {
                failures.Add($"{Path.GetFileName(file)}: {e.Message}");
            }
        }

        string? newest = CheckpointDirectory.FindLatest(directory);
        double progress = newest is null || failures.Count > 0 ? 0 : Progress(Checkpoint.Inspect(newest), size);
        bool leftover = Directory.EnumerateFiles(directory, "*.tmp").Any();
        return new DirectoryState(newest, progress, files.Count, failures, leftover);
    }

    private static double Progress(CheckpointInfo info, TrainingSize size)
    {
        long stepsPerEpoch = (size.Samples + ChildTraining.BatchSize - 1) / ChildTraining.BatchSize;
        return (info.CompletedEpochs * stepsPerEpoch + info.StepsIntoEpoch) / (double)(size.Epochs * stepsPerEpoch);
    }
}
