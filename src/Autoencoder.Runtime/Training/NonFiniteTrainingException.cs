using System;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Training stopped because a step's loss or a gradient was NaN or infinite. The step was not applied, so the
/// weights are those after the previous step, all finite.
/// </summary>
public sealed class NonFiniteTrainingException : InvalidOperationException
{
    /// <summary>Creates the error for step <paramref name="step"/> of epoch <paramref name="epoch"/>.</summary>
    public NonFiniteTrainingException(int epoch, long step, string what)
        : base($"Training stopped at epoch {epoch}, step {step}: {what} is not finite (NaN or infinity). "
               + $"That step was not applied; the weights are as they were after step {step - 1}.")
    {
        Epoch = epoch;
        Step = step;
        What = what;
    }

    /// <summary>The epoch (1-based) of the offending step.</summary>
    public int Epoch { get; }

    /// <summary>The offending optimizer step within its epoch (1-based).</summary>
    public long Step { get; }

    /// <summary>What was not finite, e.g. "the loss (NaN)" or "the gradient of encoder0.weight".</summary>
    public string What { get; }
}
