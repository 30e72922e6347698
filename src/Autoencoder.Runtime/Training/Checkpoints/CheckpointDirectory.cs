using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Names, finds and prunes the checkpoint files of one run. <c>epoch-0005.ckpt</c> is written when epoch 5 ends;
/// <c>epoch-0006-step-000120.ckpt</c> after step 120 of epoch 6; <c>best.ckpt</c> is a copy of the one with the
/// lowest monitored loss. Order comes from the names, so finding the newest reads no file.
/// </summary>
public static partial class CheckpointDirectory
{
    /// <summary>The file kept for the lowest monitored loss.</summary>
    public const string BestFileName = "best.ckpt";

    [GeneratedRegex(@"^epoch-(\d{4,})(?:-step-(\d{6,}))?\.ckpt$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();

    /// <summary>The file name for a run that has finished <paramref name="completedEpochs"/> epochs and <paramref name="stepsIntoEpoch"/> steps of the next.</summary>
    public static string FileName(int completedEpochs, long stepsIntoEpoch) =>
        stepsIntoEpoch == 0
            ? string.Create(CultureInfo.InvariantCulture, $"epoch-{completedEpochs:D4}.ckpt")
            : string.Create(CultureInfo.InvariantCulture, $"epoch-{completedEpochs + 1:D4}-step-{stepsIntoEpoch:D6}.ckpt");

    /// <summary>The run's checkpoints (not <see cref="BestFileName"/>), oldest first; empty when the directory does not exist.</summary>
    public static IReadOnlyList<string> List(string directory)
    {
        if (!Directory.Exists(directory))
            return Array.Empty<string>();
        var found = new List<(int Epochs, long Steps, string Path)>();
        foreach (var path in Directory.EnumerateFiles(directory, "epoch-*.ckpt"))
        {
            var match = Name().Match(Path.GetFileName(path));
            if (!match.Success)
                continue;
            int epoch = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            found.Add(match.Groups[2].Success
                ? (epoch - 1, long.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture), path)
                : (epoch, 0, path));
        }
        return found.OrderBy(f => f.Epochs).ThenBy(f => f.Steps).Select(f => f.Path).ToList();
    }

    /// <summary>The newest checkpoint in <paramref name="directory"/>, or null when there is none.</summary>
    public static string? FindLatest(string directory) => List(directory) is { Count: > 0 } all ? all[^1] : null;

    /// <summary>Deletes all but the newest <paramref name="keep"/> checkpoints.</summary>
    internal static void Prune(string directory, int keep)
    {
        var all = List(directory);
        for (int i = 0; i < all.Count - keep; i++)
            File.Delete(all[i]);
    }

    /// <summary>Removes temporary files left by writes that a crash interrupted; they were never renamed into place.</summary>
    internal static void RemoveInterruptedWrites(string directory)
    {
        if (!Directory.Exists(directory))
            return;
        foreach (var path in Directory.EnumerateFiles(directory, ".*.ckpt.*.tmp"))
            File.Delete(path);
    }
}
