using System;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Stops training when the monitored loss (validation loss, or the training loss when there is no validation
/// set) has not improved by more than <see cref="MinDelta"/> for <see cref="Patience"/> epochs in a row.
/// </summary>
/// <param name="Patience">Epochs without improvement tolerated before stopping; at least 1.</param>
/// <param name="MinDelta">How much lower than the best so far a loss must be to count as an improvement; at least 0.</param>
/// <param name="RestoreBestWeights">When training stops (early or not), put back the weights of the best epoch.</param>
public sealed record EarlyStopping(int Patience, double MinDelta = 0, bool RestoreBestWeights = true)
{
    internal void Validate(string parameterName)
    {
        if (Patience < 1)
            throw new ArgumentOutOfRangeException(parameterName, Patience, "EarlyStopping.Patience must be at least 1.");
        if (!(MinDelta >= 0) || double.IsInfinity(MinDelta))
            throw new ArgumentOutOfRangeException(parameterName, MinDelta, "EarlyStopping.MinDelta must be a finite number, at least 0.");
    }
}
