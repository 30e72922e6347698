using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Training;

public sealed class ConsoleProgressTests
{
    private static EpochResult Epoch(int epoch, double? validation = 0.25) =>
        new(epoch, 0.5, validation, TimeSpan.FromSeconds(2), 500);

    [Fact]
    public void Redirected_output_gets_one_summary_line_per_epoch_and_no_redraws()
    {
        var clock = new ManualClock();
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(writer, interactive: false, clock);

        for (int epoch = 1; epoch <= 2; epoch++)
        {
            progress.OnEpochStart(epoch, 3, 1000);
            for (int batch = 1; batch <= 10; batch++)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                progress.OnBatchEnd(epoch, batch * 100);
            }
            progress.OnEpochEnd(Epoch(epoch));
        }

        writer.ToString().ShouldBe(
            "Epoch 1/3  train 0.5  val 0.25  2.0s  500 samples/s  ETA 0:04\n" +
            "Epoch 2/3  train 0.5  val 0.25  2.0s  500 samples/s  ETA 0:02\n");
    }

    [Fact]
    public void Interactive_output_redraws_at_most_four_times_a_second_with_rate_and_eta()
    {
        var clock = new ManualClock();
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(writer, interactive: true, clock);

        progress.OnEpochStart(1, 2, 1000);
        clock.Advance(TimeSpan.FromMilliseconds(100));
        progress.OnBatchEnd(1, 100);                       // too soon: skipped
        clock.Advance(TimeSpan.FromMilliseconds(150));
        progress.OnBatchEnd(1, 250);                       // 250 ms: drawn
        clock.Advance(TimeSpan.FromMilliseconds(200));
        progress.OnBatchEnd(1, 450);                       // 200 ms after the last draw: skipped
        clock.Advance(TimeSpan.FromMilliseconds(50));
        progress.OnBatchEnd(1, 500);                       // drawn

        string output = writer.ToString();
        output.Count(c => c == '\r').ShouldBe(2);
        // 500 samples in 0.5 s; 1500 samples left in the run.
        output.ShouldEndWith("\rEpoch 1/2  500/1000  1000 samples/s  ETA 0:01");
        output.ShouldStartWith("\rEpoch 1/2  250/1000  1000 samples/s  ETA 0:01");
    }

    [Fact]
    public void Interactive_epoch_summary_overwrites_the_progress_line_and_ends_it()
    {
        var clock = new ManualClock();
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(writer, interactive: true, clock);

        progress.OnEpochStart(1, 1, 1_000_000);
        clock.Advance(TimeSpan.FromSeconds(1));
        progress.OnBatchEnd(1, 999_999);
        string progressLine = writer.ToString().TrimStart('\r');
        progress.OnEpochEnd(Epoch(1, validation: null));

        string summary = writer.ToString().Split('\r')[^1];
        summary.ShouldEndWith("\n");
        summary.TrimEnd('\n').TrimEnd().ShouldBe("Epoch 1/1  train 0.5  2.0s  500 samples/s  ETA 0:00");
        // Padding covers every character of the longer progress line.
        summary.TrimEnd('\n').Length.ShouldBeGreaterThanOrEqualTo(progressLine.Length);
    }

    [Fact]
    public void Long_runs_show_hours_in_the_eta()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(writer, interactive: false, new ManualClock());

        progress.OnEpochStart(1, 3000, 10);
        progress.OnEpochEnd(Epoch(1));

        // 2999 remaining epochs of 2 s each.
        writer.ToString().ShouldEndWith("ETA 1:39:58\n");
    }

    [Fact]
    public void Named_terms_follow_their_loss_in_brackets_with_four_significant_digits()
    {
        var writer = new StringWriter { NewLine = "\n" };
        var progress = new ConsoleProgress(writer, interactive: false, new ManualClock());

        progress.OnEpochStart(1, 3, 10);
        progress.OnEpochEnd(new EpochResult(1, 97.31, 98.5, TimeSpan.FromSeconds(2), 500)
        {
            TrainTerms = [new("reconstruction", 85.2049), new("kl", 12.1)],
            ValidationTerms = [new("reconstruction", 86.4), new("kl", 12.1)],
        });
        progress.OnEpochEnd(new EpochResult(2, 97.31, null, TimeSpan.FromSeconds(2), 500)
        {
            TrainTerms = [new("reconstruction", 85.2), new("kl", 12.1)],
        });

        writer.ToString().ShouldBe(
            "Epoch 1/3  train 97.31 (reconstruction 85.2, kl 12.1)  val 98.5 (reconstruction 86.4, kl 12.1)  2.0s  500 samples/s  ETA 0:04\n" +
            "Epoch 2/3  train 97.31 (reconstruction 85.2, kl 12.1)  2.0s  500 samples/s  ETA 0:02\n");
    }
}
