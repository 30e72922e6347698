using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>
/// Training on a streamed image folder is a function of (seed, epoch, position) alone: a run interrupted inside an epoch
/// and resumed from its checkpoint, or one decoding on another number of threads, ends with the same weights, bit for bit.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class StreamedResumeTests
{
    private const int Images = 20; // 5 steps of 4 per epoch; one more file when a damaged one is added

    private static string WriteFolder(TempDirectory directory, bool withDamagedFile)
    {
        string folder = Path.Combine(directory.Path, "photos");
        ImageFolders.Write(folder, Images, width: 24, height: 20, seed: 3);
        if (withDamagedFile)
            ImageFolders.WriteDamaged(folder, 24, 20);
        return folder;
    }

    private static (TrainingReport Report, Dictionary<string, float[]> Weights) Uninterrupted(string folder, int decodeThreads,
        BadImagePolicy badImages = BadImagePolicy.Fail)
    {
        using var checkpoints = new TempDirectory();
        using var run = new StreamedRun(folder, checkpoints.Path, decodeThreads, badImages);
        var report = run.Fit();
        return (report, run.Weights());
    }

    private static void ShouldBeBitIdentical(Dictionary<string, float[]> actual, Dictionary<string, float[]> expected, string why)
    {
        actual.Keys.ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var (name, values) in expected)
            actual[name].ShouldBe(values, $"{name} differs {why}");
    }

    [Theory]
    [InlineData(2, 3, false, 3)] // cancelled mid-epoch: the checkpoint of the 3 steps taken is written on the way out
    [InlineData(1, 5, false, 0)] // in the last step of epoch 1: that epoch ends and checkpoints
    [InlineData(2, 1, true, 1)]  // two damaged files skipped in every epoch, before and after the resume alike
    public void A_streamed_run_interrupted_inside_an_epoch_and_resumed_on_other_threads_ends_bit_identical(
        int epoch, int step, bool withDamagedFiles, int resumedStep)
    {
        using var directory = new TempDirectory();
        string folder = WriteFolder(directory, withDamagedFiles);
        var policy = withDamagedFiles ? BadImagePolicy.Skip : BadImagePolicy.Fail;
        var expected = Uninterrupted(folder, decodeThreads: 2, policy);

        string checkpoints = Path.Combine(directory.Path, "checkpoints");
        using (var cts = new CancellationTokenSource())
        using (var first = new StreamedRun(folder, checkpoints, decodeThreads: 2, policy))
        {
            first.Options.Observer = new RecordingObserver
            {
                AfterBatch = (e, samples) => { if (e == epoch && samples == step * StreamedRun.BatchSize) cts.Cancel(); },
            };
            first.Fit(cts.Token).Cancelled.ShouldBeTrue();
        }

        // A new process, which decodes on one thread: fresh weights and optimizer, the data source opened anew.
        using var second = new StreamedRun(folder, checkpoints, decodeThreads: 1, policy);
        var report = second.Fit();

        report.ResumedFrom.ShouldNotBeNull();
        Checkpoint.Inspect(report.ResumedFrom).StepsIntoEpoch.ShouldBe(resumedStep);
        report.Epochs.Select(e => e.TrainLoss).ShouldBe(expected.Report.Epochs.Select(e => e.TrainLoss));
        report.Epochs.Select(e => e.ValidationLoss).ShouldBe(expected.Report.Epochs.Select(e => e.ValidationLoss));
        report.Epochs.Select(e => e.SkippedSamples).ShouldBe(expected.Report.Epochs.Select(e => e.SkippedSamples));
        if (withDamagedFiles)
            report.Epochs.ShouldAllBe(e => e.SkippedSamples == 2);
        ShouldBeBitIdentical(second.Weights(), expected.Weights, "after resuming");
    }

    [Fact]
    public void One_or_two_decode_threads_train_to_the_same_weights()
    {
        using var directory = new TempDirectory();
        string folder = WriteFolder(directory, withDamagedFile: false);

        var one = Uninterrupted(folder, decodeThreads: 1);
        var two = Uninterrupted(folder, decodeThreads: 2);

        two.Report.Epochs.Select(e => e.TrainLoss).ShouldBe(one.Report.Epochs.Select(e => e.TrainLoss));
        ShouldBeBitIdentical(two.Weights, one.Weights, "between 1 and 2 decode threads");
    }

    [Fact]
    public void One_or_two_decode_threads_give_the_same_batches_in_every_epoch()
    {
        using var directory = new TempDirectory();
        string folder = WriteFolder(directory, withDamagedFile: false);
        using var one = new StreamedRun(folder, checkpoints: null, decodeThreads: 1);
        using var two = new StreamedRun(folder, checkpoints: null, decodeThreads: 2);

        for (int epoch = 1; epoch <= 3; epoch++)
        {
            var plan = new EpochPlan(Seed: 5, epoch, StreamedRun.BatchSize, Shuffle: true);
            var first = Batches(one.Train, plan);
            var second = Batches(two.Train, plan);
            second.Count.ShouldBe(first.Count);
            for (int i = 0; i < first.Count; i++)
                second[i].ShouldBe(first[i], $"epoch {epoch} batch {i}");
        }
    }

    private static List<float[]> Batches(ImageFolderData data, EpochPlan plan)
    {
        using var reader = data.OpenEpoch(plan);
        var batches = new List<float[]>();
        while (reader.Next() is { Inputs: { } inputs })
        {
            batches.Add(inputs.data<float>().ToArray());
            inputs.Dispose();
        }
        return batches;
    }
}
