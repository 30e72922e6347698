using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// The files an uninterrupted run writes, in order, as the reference child wrote them: checkpoints, each best.ckpt
/// copy just before the epoch checkpoint it copies. Runs are deterministic, so a child resuming from a checkpoint
/// writes exactly the rest of this list.
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
        return sequence.Skip(next).ToList();
    }
}
