using System.IO;
using System.Linq;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Parent;

/// <summary>What must hold for a child and the directory it leaves; each check returns what is wrong, or null.</summary>
internal static class RunChecks
{
    /// <summary>
    /// A child started on a directory with a checkpoint resumes from the newest one (a killed child may die before
    /// saying so, so it must only when <paramref name="required"/>); one started on an empty directory does not resume.
    /// </summary>
    public static string? Resume(ChildProcess child, string? newest, bool required)
    {
        var resumed = child.Values(ChildProtocol.Resumed);
        if (newest is null)
            return resumed.Count > 0 ? $"a child resumed from {resumed[0]} although the directory had no checkpoint" : null;
        if (resumed.Count == 0)
            return required ? $"the last child did not resume from {Path.GetFileName(newest)}" : null;
        return Path.GetFullPath(resumed[0]) == Path.GetFullPath(newest)
            ? null
            : $"a child resumed from {resumed[0]}, not from the newest checkpoint {newest}";
    }

    /// <summary>The child said it resumed, from <paramref name="newest"/>.</summary>
    public static bool Resumed(ChildProcess child, string? newest) =>
        newest is not null && child.Values(ChildProtocol.Resumed).Count > 0 && Resume(child, newest, required: true) is null;

    /// <summary>A child that finished exited 0 and printed the reference digest: its weights are the uninterrupted run's.</summary>
    public static string? Finished(ChildProcess child, string referenceDigest)
    {
        if (child.ExitCode != 0)
            return $"a child exited with code {child.ExitCode}";
        string? digest = child.Values(ChildProtocol.Final).LastOrDefault();
        return digest == referenceDigest
            ? null
            : $"a child ended with weights digest {digest ?? "(none printed)"}, the reference is {referenceDigest}";
    }

    /// <summary>A run that went on after a kill removed the temporary file the kill left.</summary>
    public static string? NoTemporaryFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*.tmp").Any()
            ? "a temporary file from an interrupted write survived the resume"
            : null;

    /// <summary>
    /// best.ckpt holds the epoch with the lowest validation loss of the finished run, however the kills fell: a kill
    /// between an epoch's checkpoint and its best copy must not leave an older epoch there.
    /// </summary>
    public static string? BestCopy(string directory)
    {
        if (CheckpointDirectory.FindLatest(directory) is not { } newest)
            return "the finished run left no checkpoint";

        // The first lowest, as the loop keeps a new best only when it is strictly lower.
        int bestEpoch = Checkpoint.Inspect(newest).History.MinBy(e => e.ValidationLoss ?? e.TrainLoss)!.Epoch;
        string best = Path.Combine(directory, CheckpointDirectory.BestFileName);
        var held = File.Exists(best) ? Checkpoint.Inspect(best) : null;
        if (held is { StepsIntoEpoch: 0 } && held.CompletedEpochs == bestEpoch)
            return null;
        string holds = held is null ? "nothing (it is missing)" : $"epoch {held.CompletedEpochs} step {held.StepsIntoEpoch}";
        return $"best.ckpt holds {holds}, and the run's lowest validation loss was in epoch {bestEpoch}";
    }
}
