using System;
using System.Globalization;
using System.IO;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Prints training progress with throughput (samples/s) and the estimated time left.
/// On an interactive console one line per epoch is redrawn in place with '\r', at most once per
/// <see cref="RedrawInterval"/>; when output is redirected only the summary line of each epoch is written.
/// </summary>
public sealed class ConsoleProgress : ITrainingObserver
{
    /// <summary>How often the in-place line is redrawn at most (four times a second).</summary>
    public static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(250);

    private readonly TextWriter _writer;
    private readonly bool _interactive;
    private readonly TimeProvider _time;
    private readonly long _redrawTicks;

    private int _totalEpochs;
    private long _samplesPerEpoch;
    private long _epochStart;
    private long _lastDraw;
    private int _lastLineLength;
    private readonly EpochSummary _summary = new();

    /// <summary>Creates a progress printer.</summary>
    /// <param name="writer">Destination; defaults to <see cref="Console.Out"/>.</param>
    /// <param name="interactive">Whether to redraw a line in place. Defaults to true only for
    /// <see cref="Console.Out"/> when it is not redirected.</param>
    /// <param name="timeProvider">Clock for rates and throttling; defaults to <see cref="TimeProvider.System"/>.</param>
    public ConsoleProgress(TextWriter? writer = null, bool? interactive = null, TimeProvider? timeProvider = null)
    {
        _writer = writer ?? Console.Out;
        _interactive = interactive ?? (writer is null && !Console.IsOutputRedirected);
        _time = timeProvider ?? TimeProvider.System;
        _redrawTicks = (long)(RedrawInterval.TotalSeconds * _time.TimestampFrequency);
    }

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
        _totalEpochs = totalEpochs;
        _samplesPerEpoch = samplesPerEpoch;
        _epochStart = _time.GetTimestamp();
        _lastDraw = _epochStart;
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
        if (!_interactive)
            return;
        long now = _time.GetTimestamp();
        if (now - _lastDraw < _redrawTicks)
            return;
        _lastDraw = now;

        double seconds = _time.GetElapsedTime(_epochStart, now).TotalSeconds;
        double rate = seconds > 0 ? samplesSoFar / seconds : 0;
        long remaining = _samplesPerEpoch - samplesSoFar + (long)(_totalEpochs - epoch) * _samplesPerEpoch;
        string eta = rate > 0 ? EpochSummary.FormatDuration(TimeSpan.FromSeconds(remaining / rate)) : "?";
        Redraw(string.Create(CultureInfo.InvariantCulture,
            $"Epoch {epoch}/{_totalEpochs}  {samplesSoFar}/{_samplesPerEpoch}  {rate:F0} samples/s  ETA {eta}"));
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
        string line = _summary.Line(result, _totalEpochs);

        if (_interactive)
        {
            Redraw(line);
            _writer.WriteLine();
            _lastLineLength = 0;
        }
        else
        {
            _writer.WriteLine(line);
        }
        _writer.Flush();
    }

    private void Redraw(string line)
    {
        // Pad so that a shorter line fully covers the previous one.
        _writer.Write('\r');
        _writer.Write(line.PadRight(_lastLineLength));
        _writer.Flush();
        _lastLineLength = line.Length;
    }
}
