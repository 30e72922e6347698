using System;

namespace Autoencoder.KillHarness.Parent;

/// <summary>
/// How long children take to start and to train a whole run: the shortest seen so far, from the reference and from
/// every child since. Timed kills are drawn over <see cref="Margin"/> of that: on a shared machine a child can still
/// run faster than any before it, and a kill drawn after its end is lost. The rest of its life is reached by the kills
/// aimed at its last checkpoint writes.
/// </summary>
internal sealed class ChildTiming
{
    /// <summary>Generous: a child may take this many times the reference run before it counts as hung.</summary>
    private const int TimeoutFactor = 10;

    private const double Margin = 0.85;

    private readonly TimeSpan _reference;

    public ChildTiming(TimeSpan startup, TimeSpan training)
    {
        Startup = startup;
        Training = training;
        _reference = startup + training;
    }

    /// <summary>From starting the process to calling Fit.</summary>
    public TimeSpan Startup { get; private set; }

    /// <summary>Fit from the first step to the last, checkpoints included.</summary>
    public TimeSpan Training { get; private set; }

    public TimeSpan Timeout => TimeSpan.FromSeconds(Math.Max(60, TimeoutFactor * _reference.TotalSeconds));

    /// <summary>A moment uniform over most of a child's life, startup included, when it resumes at <paramref name="progress"/>.</summary>
    public TimeSpan KillDelay(Random random, double progress) =>
        random.NextDouble() * Margin * (Startup + Training * (1 - progress));

    /// <summary>Learns from a child that got as far as training (and, if it finished, trained from <paramref name="progress"/>).</summary>
    public void Observe(ChildProcess child, double progress)
    {
        if (child.TrainingStartedAt is not { } started)
            return;
        if (started < Startup)
            Startup = started;
        // Only from children that trained most of a run: a short remainder says little about the whole.
        if (!child.Killed && child.ExitedAt is { } exited && progress <= 0.5)
        {
            var whole = (exited - started) / (1 - progress);
            if (whole < Training)
                Training = whole;
        }
    }
}
