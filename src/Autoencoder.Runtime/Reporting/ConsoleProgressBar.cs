using System;
using System.Threading.Tasks;
using Autoencoder.Runtime.Training;
using Spectre.Console;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// A live progress bar for the whole run (Spectre.Console) with percentage, samples per second and time left,
/// and the usual summary line above it after each epoch. When the console cannot redraw (output redirected,
/// no ANSI support, CI) it prints only those summary lines, exactly as <see cref="ConsoleProgress"/> does.
/// </summary>
/// <remarks>
/// The bar is live from the first epoch until <see cref="ITrainingObserver.OnTrainingEnd"/>; dispose the
/// observer so that it also ends when training throws. Do not write to the console while it is live except
/// through <see cref="Console"/>, whose lines appear above the bar.
/// </remarks>
public sealed class ConsoleProgressBar : ITrainingObserver, IDisposable
{
    private readonly IAnsiConsole _console;
    private readonly TimeProvider? _time;
    private readonly ConsoleProgress? _plain;
    private readonly EpochSummary _summary = new();

    private TaskCompletionSource? _finished;
    private Task? _display;
    private ProgressTask? _bar;
    private int _totalEpochs;
    private long _samplesPerEpoch;
    private long _samplesBeforeEpoch;

    /// <param name="console">Where to draw; defaults to <see cref="AnsiConsole.Console"/> (standard output).</param>
    /// <param name="timeProvider">Clock for the rates; defaults to the system clock.</param>
    public ConsoleProgressBar(IAnsiConsole? console = null, TimeProvider? timeProvider = null)
    {
        _console = console ?? AnsiConsole.Console;
        _time = timeProvider;
        var capabilities = _console.Profile.Capabilities;
        if (!(capabilities.Interactive && capabilities.Ansi))
        {
            _plain = new ConsoleProgress(_console.Profile.Out.Writer, interactive: false, timeProvider);
        }
    }

    /// <summary>True when a live bar is drawn; false when only plain lines are printed.</summary>
    public bool IsLive => _plain is null;

    /// <summary>The console drawn on.</summary>
    public IAnsiConsole Console => _console;

    /// <inheritdoc />
    public void OnEpochStart(int epoch, int totalEpochs, long samplesPerEpoch)
    {
        if (_plain is not null)
        {
            _plain.OnEpochStart(epoch, totalEpochs, samplesPerEpoch);
            return;
        }

        _totalEpochs = totalEpochs;
        _samplesPerEpoch = samplesPerEpoch;
        // From the epoch number rather than a running count, so a run resumed at epoch k starts part-way along.
        _samplesBeforeEpoch = (epoch - 1) * samplesPerEpoch;
        var bar = _bar ?? Start((double)totalEpochs * samplesPerEpoch);
        bar.Description = $"Epoch {epoch}/{totalEpochs}";
        bar.Value = _samplesBeforeEpoch;
    }

    /// <inheritdoc />
    public void OnBatchEnd(int epoch, long samplesSoFar)
    {
        if (_bar is { } bar)
        {
            // A locked field write; Spectre's own thread redraws ten times a second.
            bar.Value = _samplesBeforeEpoch + samplesSoFar;
        }
    }

    /// <inheritdoc />
    public void OnEpochEnd(EpochResult result)
    {
        if (_plain is not null)
        {
            _plain.OnEpochEnd(result);
            return;
        }

        ArgumentNullException.ThrowIfNull(result);
        _console.Write(new ClearedLine(_console, _summary.Line(result, _totalEpochs)));
        if (_bar is { } bar)
        {
            bar.Value = result.Epoch * _samplesPerEpoch;
        }
    }

    /// <inheritdoc />
    public void OnTrainingEnd(TrainingReport report) => Stop();

    /// <summary>Says where the run picks up; called before the first epoch starts, so before any bar is drawn.</summary>
    public void OnResumed(string path, int completedEpochs, long stepsIntoEpoch) =>
        _console.Profile.Out.Writer.WriteLine(stepsIntoEpoch == 0
            ? $"Resuming from {path}: {Epochs(completedEpochs)} done"
            : $"Resuming from {path}: {Epochs(completedEpochs)} and {stepsIntoEpoch} steps of epoch {completedEpochs + 1} done");

    private static string Epochs(int count) => count == 1 ? "1 epoch" : $"{count} epochs";

    /// <summary>Ends the live bar if it is still drawn, leaving its last state on screen.</summary>
    public void Dispose() => Stop();

    private ProgressTask Start(double maxValue)
    {
        var progress = new Progress(_console, _time)
        {
            AutoClear = false,
            ExcludeVerticalPadding = true,
        };
        progress.Columns(
            new TaskDescriptionColumn { Alignment = Justify.Left },
            new ProgressBarColumn(),
            new PercentageColumn(),
            new SamplesPerSecondColumn(),
            new RemainingTimeColumn());

        // Spectre's Progress wants to own the work as a callback; training calls us instead, so the callback
        // hands out its task and then waits until Stop. Everything up to that wait runs synchronously here.
        _finished = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        ProgressTask? bar = null;
        var finished = _finished.Task;
        _display = progress.StartAsync(context =>
        {
            bar = context.AddTask("Training", maxValue: maxValue);
            return finished;
        });

        if (bar is null)
        {
            // Start failed before creating the task, e.g. another live display holds the console.
            var failed = _display;
            _display = null;
            failed.GetAwaiter().GetResult();
            throw new InvalidOperationException("The progress display did not start.");
        }

        _bar = bar;
        return bar;
    }

    private void Stop()
    {
        if (_display is not { } display)
        {
            return;
        }

        _display = null;
        _bar = null;
        _finished!.TrySetResult();
        display.GetAwaiter().GetResult();
    }
}
