using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// The files an uninterrupted run writes, in order, best.ckpt copies included, as the reference child wrote them.
/// Runs are deterministic, so a child resuming from a checkpoint writes exactly the rest of this list.
/// </summary>
internal sealed class WritePlan(IReadOnlyList<string> sequence)
{
    public int Count => sequence.Count;

    /// <summary>The writes a child makes when it resumes from <paramref name="newest"/> (from the start when null).</summary>
    public IReadOnlyList<string> After(string? newest)
    {
        if (newest is null)
            return sequence;
        int next = sequence.ToList().IndexOf(Path.GetFileName(newest)) + 1;
        if (next == 0)
            throw new InvalidOperationException($"The reference run never wrote {Path.GetFileName(newest)}.");
        // A best.ckpt copy right after an epoch's checkpoint belongs to that epoch, which the next child does not repeat.
        while (next < sequence.Count && sequence[next] == CheckpointDirectory.BestFileName)
            next++;
        return sequence.Skip(next).ToList();
    }
}
