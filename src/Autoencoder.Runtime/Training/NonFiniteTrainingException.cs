using System;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Training stopped because a step's loss, a gradient or (before a checkpoint) a weight was NaN or infinite. The step
/// was not applied, so the weights are those after the previous step, and no checkpoint holds non-finite weights.
/// </summary>
public sealed class NonFiniteTrainingException : InvalidOperationException
{
    /// <summary>Creates the error for step <paramref name="step"/> of epoch <paramref name="epoch"/>.</summary>
    /// <param name="epoch">The epoch (1-based).</param>
    /// <param name="step">The step within the epoch (1-based).</param>
    /// <param name="what">What was not finite, e.g. "the loss (NaN)".</param>
    /// <param name="lastCheckpoint">The newest checkpoint this run wrote or resumed from, if any.</param>
    public NonFiniteTrainingException(int epoch, long step, string what, string? lastCheckpoint = null)
        : base($"Training stopped at epoch {epoch}, step {step}: {what} is not finite (NaN or infinity). "
               + $"That step was not applied; the weights are as they were after step {step - 1}. "
               + (lastCheckpoint is null
                   ? "No checkpoint was written in this run."
                   : $"The last good checkpoint is '{lastCheckpoint}'."))
    {
        Epoch = epoch;
        Step = step;
        What = what;
        LastCheckpoint = lastCheckpoint;
    }

    /// <summary>The epoch (1-based) of the offending step.</summary>
    public int Epoch { get; }

    /// <summary>The offending optimizer step within its epoch (1-based).</summary>
    public long Step { get; }

    /// <summary>What was not finite, e.g. "the loss (NaN)" or "the gradient of encoder0.weight".</summary>
    public string What { get; }

    /// <summary>The newest checkpoint written or resumed from before the failure (all its weights finite), or null.</summary>
    public string? LastCheckpoint { get; }
}
