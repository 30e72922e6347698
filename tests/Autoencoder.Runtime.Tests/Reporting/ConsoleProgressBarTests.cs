using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Spectre.Console;
using Xunit;

namespace Autoencoder.Runtime.Tests.Reporting;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class ConsoleProgressBarTests
{
    private static IAnsiConsole Console(TextWriter writer, bool terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Out = new AnsiConsoleOutput(writer),
        Ansi = terminal ? AnsiSupport.Yes : AnsiSupport.No,
        Interactive = terminal ? InteractionSupport.Yes : InteractionSupport.No,
        ColorSystem = terminal ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
    });

    [Fact]
    public void Redirected_output_of_a_real_run_is_one_plain_summary_line_per_epoch()
    {
        var writer = new StringWriter { NewLine = "\n" };
        using var run = new TinyRun();
        using var progress = new ConsoleProgressBar(Console(writer, terminal: false));

        var report = run.Fit(progress, epochs: 3);

        progress.IsLive.ShouldBeFalse();
        report.FinalTrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(3);
        for (var i = 0; i < 3; i++)
        {
            lines[i].ShouldMatch($@"^Epoch {i + 1}/3  train [0-9.Ee-]+  val [0-9.Ee-]+  [0-9]+\.[0-9]s  [0-9]+ samples/s  ETA [0-9]+:[0-9]{{2}}$");
        }

        writer.ToString().ShouldNotContain("\r");
        writer.ToString().ShouldNotContain("\u001b");
    }

    [Fact]
    public void A_resumed_run_says_where_it_picks_up_before_its_first_epoch()
    {
        using var checkpoints = new Shared.TempDirectory();
        using (var first = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 1))
            first.Fit();
        var writer = new StringWriter { NewLine = "\n" };
        using var second = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 2);
        using var progress = new ConsoleProgressBar(Console(writer, terminal: false));
        second.Options.Observer = progress;

        second.Fit();

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].ShouldBe($"Resuming from {System.IO.Path.Combine(checkpoints.Path, "epoch-0001.ckpt")}: 1 epoch done");
        lines[1].ShouldStartWith("Epoch 2/2  train ");
    }

    [Fact]
    public void Redirected_lines_are_exactly_those_of_ConsoleProgress()
    {
        var bar = new StringWriter { NewLine = "\n" };
        var plain = new StringWriter { NewLine = "\n" };
        var clock = new ManualClock();
        ITrainingObserver[] observers = [new ConsoleProgressBar(Console(bar, terminal: false), clock), new ConsoleProgress(plain, interactive: false, clock)];

        foreach (var observer in observers)
        {
            for (var epoch = 1; epoch <= 2; epoch++)
            {
                observer.OnEpochStart(epoch, 2, 100);
                observer.OnBatchEnd(epoch, 100);
                observer.OnEpochEnd(new EpochResult(epoch, 0.5 / epoch, 0.6 / epoch, TimeSpan.FromSeconds(3), 33.3));
            }

            observer.OnTrainingEnd(new TrainingReport([], TimeSpan.Zero, cancelled: false));
        }

        bar.ToString().ShouldBe(plain.ToString());
        bar.ToString().ShouldStartWith("Epoch 1/2  train 0.5  val 0.6  3.0s  33 samples/s  ETA 0:03\n");
    }

    [Fact]
    public void On_a_terminal_a_live_bar_shows_epoch_rate_and_time_left_with_summary_lines_above_it()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgressBar(Console(writer, terminal: true));
        progress.IsLive.ShouldBeTrue();

        for (var epoch = 1; epoch <= 2; epoch++)
        {
            progress.OnEpochStart(epoch, 2, 1000);
            for (var samples = 100; samples <= 1000; samples += 100)
            {
                progress.OnBatchEnd(epoch, samples);
            }

            progress.OnEpochEnd(new EpochResult(epoch, 0.5, 0.25, TimeSpan.FromSeconds(2), 500));
        }

        progress.OnTrainingEnd(new TrainingReport([], TimeSpan.Zero, cancelled: false));

        var text = Regex.Replace(writer.ToString(), @"\u001b\[[0-9;?]*[A-Za-z]", ""); // drop cursor moves and colours
        text.ShouldContain("Epoch 1/2  train 0.5  val 0.25  2.0s  500 samples/s  ETA 0:02");
        text.ShouldContain("Epoch 2/2  train 0.5  val 0.25  2.0s  500 samples/s  ETA 0:00");
        // The final redraw of the bar: description, full bar, percentage, a rate and the remaining time.
        var barLine = text.Split('\n').Last(l => l.Contains("100%"));
        // The refresh thread may redraw several frames onto one line (their cursor moves are stripped): keep the last.
        barLine = barLine[barLine.LastIndexOf("Epoch ", StringComparison.Ordinal)..];
        barLine.ShouldStartWith("Epoch 2/2");
        barLine.ShouldContain("samples/s");
        barLine.ShouldMatch(@"[0-9]{2}:[0-9]{2}:[0-9]{2}\s*$");
        // Each summary line erases the bar it overwrites, or a shorter line would keep the bar's tail.
        writer.ToString().ShouldContain("\u001b[2KEpoch 1/2  train");
        progress.Dispose(); // already stopped: a no-op
    }

    [Fact]
    public void Disposing_ends_a_bar_left_live_by_a_run_that_never_finished()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var console = Console(writer, terminal: true);
        var progress = new ConsoleProgressBar(console);
        progress.OnEpochStart(1, 5, 100);
        progress.OnBatchEnd(1, 50);

        progress.Dispose();

        // The console is free again for another live display.
        using var next = new ConsoleProgressBar(console);
        next.OnEpochStart(1, 1, 10);
        next.OnTrainingEnd(new TrainingReport([], TimeSpan.Zero, cancelled: false));
        Regex.Replace(writer.ToString(), @"\u001b\[[0-9;?]*[A-Za-z]", "").ShouldContain("Epoch 1/5");
    }
}
