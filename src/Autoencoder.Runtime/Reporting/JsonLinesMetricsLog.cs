using System;
using System.Buffers;
using System.Collections.Immutable;
using System.IO;
using System.Text.Json;
using Autoencoder.Runtime.Training;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// Writes one JSON object per epoch, one per line (JSON Lines), for scripts:
/// <c>{"epoch":1,"train_loss":0.27,"validation_loss":0.19,"epoch_seconds":1.1,"samples_per_second":61000,...}</c>
/// then, for an objective with named terms, <c>train_{name}</c> and <c>val_{name}</c> for each (as
/// <c>"train_kl":12.1</c>), then any <see cref="IEpochMetrics"/>. Each line is flushed to disk when its epoch ends, so a killed run
/// keeps every finished epoch. A missing validation loss and non-finite numbers are written as <c>null</c>.
/// When the run resumes from a checkpoint, the rows of the epochs it had completed are kept and later ones dropped
/// (a kill can land between an epoch's row and its checkpoint), so the file reads as one uninterrupted run.
/// </summary>
public sealed class JsonLinesMetricsLog : ITrainingObserver, IDisposable
{
    private readonly string _path;
    private readonly IEpochMetrics? _metrics;
    private readonly ArrayBufferWriter<byte> _line = new();
    private FileStream? _file;
    private bool _disposed;

    /// <param name="path">The log file. Created, or emptied, when the first epoch starts (unless the run resumes); its directory is created.</param>
    /// <param name="metrics">Extra columns measured after each epoch, or null for the losses and timing only.</param>
    public JsonLinesMetricsLog(string path, IEpochMetrics? metrics = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        _path = Path.GetFullPath(path);
        _metrics = metrics;
    }

    /// <summary>The full path of the log file.</summary>
    public string FilePath => _path;

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            // Readers may open the file while the run goes on.
            _file = new FileStream(_path, FileMode.Create, FileAccess.Write, FileShare.Read);
        }
    }

    /// <inheritdoc />
    public void OnResumed(string path, int completedEpochs, long stepsIntoEpoch)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_file is not null || !File.Exists(_path))
            return;
        var kept = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(_path))
        {
            if (EpochOf(line) is int epoch && epoch <= completedEpochs)
                kept.Append(line).Append('\n');
        }
        // Replaced atomically: a kill now must not lose the rows being kept.
        IO.AtomicFile.WriteAllBytes(_path, System.Text.Encoding.UTF8.GetBytes(kept.ToString()));
        _file = new FileStream(_path, FileMode.Append, FileAccess.Write, FileShare.Read);
    }

    private static int? EpochOf(string line)
    {
        try
        {
            using var row = JsonDocument.Parse(line);
            return row.RootElement.TryGetProperty("epoch", out var epoch) && epoch.TryGetInt32(out int value) ? value : null;
        }
        catch (JsonException)
        {
            return null; // a line cut short by a kill
        }
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var file = _file ?? throw new InvalidOperationException("OnEpochEnd came before any OnEpochStart.");

        _line.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_line))
        {
            json.WriteStartObject();
            json.WriteNumber("epoch", result.Epoch);
            WriteNumber(json, "train_loss", result.TrainLoss);
            WriteNumber(json, "validation_loss", result.ValidationLoss);
            WriteNumber(json, "epoch_seconds", result.Duration.TotalSeconds);
            WriteNumber(json, "samples_per_second", result.SamplesPerSecond);
            WriteTerms(json, "train_", result.TrainTerms);
            WriteTerms(json, "val_", result.ValidationTerms);
            if (_metrics is not null)
            {
                foreach (var metric in _metrics.Measure(result))
                {
                    WriteNumber(json, metric.Name, metric.Value);
                }
            }

            json.WriteEndObject();
        }

        _line.Write("\n"u8);
        // One write per line, then to disk: a kill can lose only the epoch in progress.
        file.Write(_line.WrittenSpan);
        file.Flush(flushToDisk: true);
    }

    /// <summary>Closes the file; rows already written stay.</summary>
    public void Dispose()
    {
        _disposed = true;
        _file?.Dispose();
        _file = null;
    }

    private static void WriteTerms(Utf8JsonWriter json, string prefix, ImmutableArray<TermValue> terms)
    {
        foreach (var term in terms)
        {
            WriteNumber(json, prefix + term.Name, term.Value);
        }
    }

    // Utf8JsonWriter rejects NaN and infinities, and JSON has no spelling for them.
    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is double v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
