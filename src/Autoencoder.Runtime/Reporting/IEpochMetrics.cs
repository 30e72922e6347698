using System.Collections.Generic;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// Numbers measured after each epoch beyond the losses in <see cref="EpochResult"/>, for the logs to record.
/// Several observers may ask about the same epoch, so an implementation measures once per epoch and
/// answers the rest from that.
/// </summary>
public interface IEpochMetrics
{
    /// <summary>The metrics after <paramref name="epoch"/>, always with the same names in the same order.</summary>
    IReadOnlyList<EpochMetric> Measure(EpochResult epoch);
}
