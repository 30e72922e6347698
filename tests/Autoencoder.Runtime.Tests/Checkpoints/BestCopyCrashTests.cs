using System;
using System.Collections.Generic;
using System.IO;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Checkpoints;

/// <summary>
/// A crash between the two files written at the best epoch's end (its checkpoint, and its copy as best.ckpt) must not
/// leave best.ckpt holding another epoch once the run is resumed. A write that fails stands in for the crash: the
/// file it would replace is made a directory just before.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class BestCopyCrashTests
{
    private static readonly Action<TrainingOptions> EveryTwoSteps = o => o.Checkpoints = new CheckpointOptions
    {
        Directory = o.Checkpoints!.Directory, EverySteps = 2,
    };

    [Theory]
    [InlineData(true)]  // the crash interrupts the best copy
    [InlineData(false)] // the crash interrupts the epoch's checkpoint
    public void A_crash_in_the_best_epochs_writes_still_ends_with_best_ckpt_holding_that_epoch(bool inBestCopy)
    {
        var (bestEpoch, bestWeights) = UninterruptedBest();

        using var directory = new TempDirectory();
        string blocked = directory.File(inBestCopy ? CheckpointDirectory.BestFileName : CheckpointDirectory.FileName(bestEpoch, 0));
        using (var first = new CheckpointRun(directory.Path, EveryTwoSteps))
        {
            // Observers see an epoch's end before its checkpoint is written.
            first.Options.Observer = new RecordingObserver
            {
                AfterEpoch = r => { if (r.Epoch == bestEpoch) { File.Delete(blocked); Directory.CreateDirectory(blocked); } },
            };
            Should.Throw<IOException>(() => first.Fit());
        }
        Directory.Delete(blocked);

        using var second = new CheckpointRun(directory.Path, EveryTwoSteps);
        second.Fit();

        string best = directory.File(CheckpointDirectory.BestFileName);
        File.Exists(best).ShouldBeTrue("the resumed run must write best.ckpt");
        Checkpoint.Inspect(best).CompletedEpochs.ShouldBe(bestEpoch);
        Checkpoint.LoadWeights(second.Model, best);
        foreach (var (name, values) in second.Weights())
            values.ShouldBe(bestWeights[name], $"{name} in best.ckpt");
    }

    private static (int Epoch, Dictionary<string, float[]> Weights) UninterruptedBest()
    {
        using var directory = new TempDirectory();
        using var run = new CheckpointRun(directory.Path, EveryTwoSteps);
        run.Fit();
        string best = directory.File(CheckpointDirectory.BestFileName);
        Checkpoint.LoadWeights(run.Model, best);
        return (Checkpoint.Inspect(best).CompletedEpochs, run.Weights());
    }
}
