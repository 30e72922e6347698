using System;

namespace Autoencoder;

/// <summary>
/// Stops training when the monitored loss (the validation loss, or the training loss without a validation set) has not
/// improved for <see cref="Patience"/> epochs in a row: <c>[EarlyStopping(5)]</c>. The generated trainer's options start from
/// it and can replace or remove it at run time.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EarlyStoppingAttribute : Attribute
{
    /// <summary>Declares early stopping.</summary>
    /// <param name="patience">Epochs without improvement tolerated before stopping; at least 1.</param>
    public EarlyStoppingAttribute(int patience) => Patience = patience;

    /// <summary>Epochs without improvement tolerated before stopping; at least 1.</summary>
    public int Patience { get; }

    /// <summary>How much lower than the best so far a loss must be to count as an improvement; 0 unless set.</summary>
    public double MinDelta { get; set; }

    /// <summary>When training stops, early or not, put back the weights of the best epoch; true unless set.</summary>
    public bool RestoreBestWeights { get; set; } = true;
}
