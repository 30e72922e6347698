using System;
using System.IO;
using System.Linq;
using System.Threading;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Checkpoints;

/// <summary>A run interrupted anywhere and resumed ends with exactly the weights and history of one never interrupted.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ResumeTests
{
    private static (TrainingReport Report, System.Collections.Generic.Dictionary<string, float[]> Weights) Uninterrupted(
        Action<TrainingOptions>? configure = null, bool withTerms = false)
    {
        using var directory = new TempDirectory();
        using var run = new CheckpointRun(directory.Path, configure, withTerms: withTerms);
        var report = run.Fit();
        return (report, run.Weights());
    }

    private static void ShouldBeBitIdentical(System.Collections.Generic.Dictionary<string, float[]> actual,
        System.Collections.Generic.Dictionary<string, float[]> expected)
    {
        actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (name, values) in expected)
            actual[name].ShouldBe(values, $"{name} differs after resuming");
    }

    /// <summary>The same epochs with the same losses and term means, bit for bit.</summary>
    private static void ShouldHaveTheSameHistory(TrainingReport actual, TrainingReport expected)
    {
        actual.Epochs.Select(e => e.TrainLoss).ShouldBe(expected.Epochs.Select(e => e.TrainLoss));
        actual.Epochs.Select(e => e.ValidationLoss).ShouldBe(expected.Epochs.Select(e => e.ValidationLoss));
        actual.Epochs.Select(e => e.TrainTerms.Length).ShouldBe(expected.Epochs.Select(e => e.TrainTerms.Length));
        actual.Epochs.SelectMany(e => e.TrainTerms).ShouldBe(expected.Epochs.SelectMany(e => e.TrainTerms));
        actual.Epochs.SelectMany(e => e.ValidationTerms).ShouldBe(expected.Epochs.SelectMany(e => e.ValidationTerms));
    }

    [Theory]
    [InlineData(2, 3, false)] // cancelled mid-epoch: a checkpoint of the 3 steps taken is written on the way out
    [InlineData(3, 5, false)] // cancelled in the last step of epoch 3: that epoch ends and checkpoints, epoch 4 never starts
    [InlineData(1, 1, false)]
    [InlineData(2, 3, true)]  // the partial epoch's term sums are in that checkpoint
    [InlineData(3, 5, true)]
    public void Cancelled_and_resumed_run_ends_bit_identical_to_an_uninterrupted_one(int epoch, int step, bool withTerms)
    {
        var expected = Uninterrupted(withTerms: withTerms);

        using var directory = new TempDirectory();
        using (var cts = new CancellationTokenSource())
        using (var first = new CheckpointRun(directory.Path, withTerms: withTerms))
        {
            first.Options.Observer = new RecordingObserver
            {
                AfterBatch = (e, samples) => { if (e == epoch && samples == step * CheckpointRun.BatchSize) cts.Cancel(); },
            };
            first.Fit(cts.Token).Cancelled.ShouldBeTrue();
        }

        using var second = new CheckpointRun(directory.Path, withTerms: withTerms); // a new process: fresh weights, fresh optimizer
        var report = second.Fit();

        report.ResumedFrom.ShouldNotBeNull();
        report.Cancelled.ShouldBeFalse();
        ShouldHaveTheSameHistory(report, expected.Report);
        if (withTerms)
        {
            report.Epochs.ShouldAllBe(e => e.TrainTerms.Length == 2 && e.ValidationTerms.Length == 2);
            Checkpoint.Inspect(report.LastCheckpoint!).History.SelectMany(e => e.TrainTerms)
                .ShouldBe(expected.Report.Epochs.SelectMany(e => e.TrainTerms));
        }
        ShouldBeBitIdentical(second.Weights(), expected.Weights);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_crash_between_step_checkpoints_resumes_from_the_newest_and_still_ends_bit_identical(bool withTerms)
    {
        Action<TrainingOptions> everyTwoSteps = o => o.Checkpoints = new CheckpointOptions
        {
            Directory = o.Checkpoints!.Directory, EverySteps = 2, KeepLast = 2,
        };
        var expected = Uninterrupted(everyTwoSteps, withTerms);

        using var directory = new TempDirectory();
        using (var first = new CheckpointRun(directory.Path, everyTwoSteps, withTerms: withTerms))
        {
            // An exception thrown out of training stands in for a crash: nothing is saved on the way out.
            first.Options.Observer = new RecordingObserver
            {
                AfterBatch = (e, samples) => { if (e == 3 && samples == 3 * CheckpointRun.BatchSize) throw new TimeoutException("crash"); },
            };
            Should.Throw<TimeoutException>(() => first.Fit());
        }

        Path.GetFileName(CheckpointDirectory.FindLatest(directory.Path)).ShouldBe("epoch-0003-step-000002.ckpt");
        using var second = new CheckpointRun(directory.Path, everyTwoSteps, withTerms: withTerms);
        var report = second.Fit();

        Path.GetFileName(report.ResumedFrom).ShouldBe("epoch-0003-step-000002.ckpt");
        ShouldHaveTheSameHistory(report, expected.Report);
        ShouldBeBitIdentical(second.Weights(), expected.Weights);
    }

    [Fact]
    public void Early_stopping_and_plateau_state_survive_a_resume()
    {
        Action<TrainingOptions> controls = o =>
        {
            o.Epochs = 6;
            o.Schedule = new ReduceOnPlateauSchedule(Factor: 0.5, Patience: 0, Threshold: 0.05);
            o.EarlyStopping = new EarlyStopping(Patience: 2, MinDelta: 1e-3);
        };
        var expected = Uninterrupted(controls);

        using var directory = new TempDirectory();
        using (var cts = new CancellationTokenSource())
        using (var first = new CheckpointRun(directory.Path, controls))
        {
            first.Options.Observer = new RecordingObserver { AfterEpoch = r => { if (r.Epoch == 2) cts.Cancel(); } };
            first.Fit(cts.Token);
        }

        using var second = new CheckpointRun(directory.Path, controls);
        var report = second.Fit();

        report.StoppedEarly.ShouldBe(expected.Report.StoppedEarly);
        report.RestoredBestEpoch.ShouldBe(expected.Report.RestoredBestEpoch);
        report.Epochs.Select(e => e.TrainLoss).ShouldBe(expected.Report.Epochs.Select(e => e.TrainLoss));
        ShouldBeBitIdentical(second.Weights(), expected.Weights);
    }

    [Fact]
    public void A_finished_run_resumes_to_its_final_weights_and_history_without_training()
    {
        using var directory = new TempDirectory();
        System.Collections.Generic.Dictionary<string, float[]> finalWeights;
        TrainingReport finished;
        using (var first = new CheckpointRun(directory.Path))
        {
            finished = first.Fit();
            finalWeights = first.Weights();
        }

        using var second = new CheckpointRun(directory.Path);
        var observer = new RecordingObserver();
        second.Options.Observer = observer;
        var report = second.Fit();

        observer.Calls.ShouldNotContain(c => c.StartsWith("batch", StringComparison.Ordinal));
        report.Epochs.Select(e => e.TrainLoss).ShouldBe(finished.Epochs.Select(e => e.TrainLoss));
        ShouldBeBitIdentical(second.Weights(), finalWeights);
    }

    [Fact]
    public void More_epochs_than_the_checkpoint_had_continue_training()
    {
        using var directory = new TempDirectory();
        using (var first = new CheckpointRun(directory.Path, o => o.Schedule = null))
            first.Fit();

        using var second = new CheckpointRun(directory.Path, o => { o.Schedule = null; o.Epochs = 6; });
        var report = second.Fit();

        report.Epochs.Select(e => e.Epoch).ShouldBe(new[] { 1, 2, 3, 4, 5, 6 });
        Path.GetFileName(report.LastCheckpoint).ShouldBe("epoch-0006.ckpt");
    }

    [Fact]
    public void Resume_off_refuses_a_directory_holding_another_runs_checkpoints()
    {
        using var directory = new TempDirectory();
        using (var first = new CheckpointRun(directory.Path))
            first.Fit();

        using var second = new CheckpointRun(directory.Path, o => o.Checkpoints = new CheckpointOptions
        {
            Directory = directory.Path, Resume = false,
        });
        var error = Should.Throw<InvalidOperationException>(() => second.Fit());

        error.Message.ShouldBe($"Checkpoint directory '{directory.Path}' already holds checkpoints of a run (newest: epoch-0004.ckpt) and " +
                               "CheckpointOptions.Resume is off. Set Resume to continue that run, or use another directory (or delete those files) to start a new one.");
    }
}
