using System;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// How long an uninterrupted child takes (startup, then training) and how many checkpoint writes it makes, measured
/// on the reference run; kill moments are drawn from what is left of a resumed child's run.
/// </summary>
internal sealed record ChildTiming(TimeSpan Startup, TimeSpan Training, int Writes)
{
    /// <summary>Generous: a child takes this many times the reference run before it counts as hung.</summary>
    private const int TimeoutFactor = 10;

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(60, TimeoutFactor * (Startup + Training).TotalSeconds));

    /// <summary>A moment uniform over the child's expected life, startup included, when it resumes at <paramref name="progress"/>.</summary>
    public TimeSpan KillDelay(Random random, double progress) =>
        random.NextDouble() * (Startup + Training * (1 - progress));

    /// <summary>Which of the child's remaining checkpoint writes (1-based) to kill it in, uniformly.</summary>
    public int WriteToKillIn(Random random, double progress) =>
        random.Next(1, Math.Max(1, (int)Math.Round(Writes * (1 - progress))) + 1);
}
