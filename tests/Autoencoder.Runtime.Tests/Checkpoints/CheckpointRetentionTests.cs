using System.IO;
using System.Linq;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Checkpoints;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class CheckpointRetentionTests
{
    private static string[] Files(string directory) =>
        Directory.GetFiles(directory).Select(Path.GetFileName).OrderBy(n => n).ToArray()!;

    [Fact]
    public void Keeps_the_newest_N_and_the_best_and_nothing_else()
    {
        using var directory = new TempDirectory();
        using var run = new CheckpointRun(directory.Path, o =>
        {
            o.Epochs = 5;
            o.Checkpoints = new CheckpointOptions { Directory = directory.Path, KeepLast = 2, EverySteps = 2 };
        });
        var written = new System.Collections.Generic.List<string>();
        run.Options.Observer = new RecordingObserver { AfterCheckpoint = written.Add };

        var report = run.Fit();

        Files(directory.Path).ShouldBe(new[] { "best.ckpt", "epoch-0005-step-000004.ckpt", "epoch-0005.ckpt" });
        written.Select(Path.GetFileName).Take(3).ShouldBe(new[] { "epoch-0001-step-000002.ckpt", "epoch-0001-step-000004.ckpt", "epoch-0001.ckpt" });
        written.Count.ShouldBe(15); // per epoch: after steps 2 and 4 of 5, and at its end
        report.LastCheckpoint.ShouldBe(Path.Combine(directory.Path, "epoch-0005.ckpt"));

        int bestEpoch = report.Epochs.MinBy(e => e.ValidationLoss)!.Epoch;
        Checkpoint.Inspect(Path.Combine(directory.Path, "best.ckpt")).CompletedEpochs.ShouldBe(bestEpoch);
    }

    [Fact]
    public void Leftovers_of_interrupted_writes_are_removed_and_never_resumed_from()
    {
        using var directory = new TempDirectory();
        File.WriteAllBytes(Path.Combine(directory.Path, ".epoch-0009.ckpt.0123456789abcdef.tmp"), new byte[] { 1, 2, 3 });
        using var run = new CheckpointRun(directory.Path, o => o.Epochs = 1);

        var report = run.Fit();

        report.ResumedFrom.ShouldBeNull();
        Files(directory.Path).ShouldBe(new[] { "best.ckpt", "epoch-0001.ckpt" });
    }

    [Fact]
    public void Checkpoint_names_sort_by_position_in_the_run()
    {
        CheckpointDirectory.FileName(3, 0).ShouldBe("epoch-0003.ckpt");
        CheckpointDirectory.FileName(3, 120).ShouldBe("epoch-0004-step-000120.ckpt");
        using var directory = new TempDirectory();
        foreach (var name in new[] { "epoch-0004-step-000120.ckpt", "epoch-0003.ckpt", "epoch-0004.ckpt", "epoch-0004-step-000002.ckpt", "notes.ckpt" })
            File.WriteAllText(Path.Combine(directory.Path, name), "");

        CheckpointDirectory.List(directory.Path).Select(Path.GetFileName)
            .ShouldBe(new[] { "epoch-0003.ckpt", "epoch-0004-step-000002.ckpt", "epoch-0004-step-000120.ckpt", "epoch-0004.ckpt" });
    }
}
