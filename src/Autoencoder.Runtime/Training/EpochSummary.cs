using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The one-line summary printed after each epoch, shared by <see cref="ConsoleProgress"/> and the progress bar
/// so that a run reads the same on a terminal and in a redirected log.
/// </summary>
internal sealed class EpochSummary
{
    private int _completedEpochs;
    private TimeSpan _completedDuration;

    /// <summary>Formats <paramref name="result"/>; the ETA assumes the remaining epochs take the mean time of those seen so far.</summary>
    public string Line(EpochResult result, int totalEpochs)
    {
        _completedEpochs++;
        _completedDuration += result.Duration;
        var eta = (_completedDuration / _completedEpochs) * Math.Max(totalEpochs - result.Epoch, 0);
        string validation = result.ValidationLoss is double v
            ? string.Create(CultureInfo.InvariantCulture, $"  val {v:G5}{Terms(result.ValidationTerms)}")
            : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Epoch {result.Epoch}/{totalEpochs}  train {result.TrainLoss:G5}{Terms(result.TrainTerms)}{validation}  " +
            $"{result.Duration.TotalSeconds:F1}s  {result.SamplesPerSecond:F0} samples/s  ETA {FormatDuration(eta)}");
    }

    /// <summary><c> (reconstruction 85.23, kl 12.1)</c>, or nothing without terms: four digits keep the line short.</summary>
    private static string Terms(ImmutableArray<TermValue> terms) =>
        terms.IsEmpty
            ? ""
            : " (" + string.Join(", ", terms.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Value:G4}"))) + ")";

    public static string FormatDuration(TimeSpan span) =>
        span.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:D2}:{span.Seconds:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{span.Minutes}:{span.Seconds:D2}");
}
