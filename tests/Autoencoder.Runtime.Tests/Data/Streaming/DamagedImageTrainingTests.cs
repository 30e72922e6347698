using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>
/// Damaged files in a streamed folder during training: skipped, each is counted and named and training completes; fatal,
/// training stops naming the file. Either way within a time limit: a decode thread's failure must never leave the
/// training thread waiting.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class DamagedImageTrainingTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Runs <paramref name="train"/> on another thread; a run that does not end within the limit fails the test as a hang.</summary>
    private static TrainingReport WithinLimit(Func<TrainingReport> train)
    {
        var task = Task.Run(train);
        ((IAsyncResult)task).AsyncWaitHandle.WaitOne(Limit).ShouldBeTrue($"training did not end within {Limit.TotalSeconds} s: it hangs");
        return task.GetAwaiter().GetResult(); // rethrows what training threw, as it is
    }

    private static (string Folder, string Garbage, string Truncated) FolderWithDamagedFiles(TempDirectory directory)
    {
        string folder = Path.Combine(directory.Path, "photos");
        ImageFolders.Write(folder, 10, width: 24, height: 20, seed: 3);
        var (garbage, truncated) = ImageFolders.WriteDamaged(Path.Combine(folder, "sub"), 24, 20);
        return (folder, garbage, truncated);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Skipped_damaged_files_are_counted_and_named_and_training_completes(int decodeThreads)
    {
        using var directory = new TempDirectory();
        var (folder, garbage, truncated) = FolderWithDamagedFiles(directory);
        using var run = new StreamedRun(folder, checkpoints: null, decodeThreads, BadImagePolicy.Skip);

        var report = WithinLimit(() => run.Fit());

        report.Cancelled.ShouldBeFalse();
        report.Epochs.Count.ShouldBe(run.Options.Epochs);
        report.Epochs.ShouldAllBe(e => e.SkippedSamples == 2 && e.Samples == 10 && double.IsFinite(e.TrainLoss));
        report.SkippedSamples.ShouldBe(2 * run.Options.Epochs);
        // Each file once, however many epochs met it; the validation source met them too and names them the same way.
        foreach (var source in new[] { run.Train, run.Validation })
        {
            source.SkippedFiles.Select(s => s.Path).ShouldBe([garbage, truncated], ignoreOrder: true);
            source.SkippedFiles.Single(s => s.Path == garbage).Reason.ShouldContain("not a PNG");
            source.SkippedFiles.Single(s => s.Path == truncated).Reason.ShouldContain("damaged or truncated");
        }
    }

    [Fact]
    public void A_damaged_file_stops_training_naming_it_at_the_same_place_whatever_the_threads()
    {
        using var directory = new TempDirectory();
        var (folder, garbage, truncated) = FolderWithDamagedFiles(directory);

        string Failing(int decodeThreads)
        {
            using var run = new StreamedRun(folder, checkpoints: null, decodeThreads, BadImagePolicy.Fail);
            var error = Should.Throw<ImageFileException>(() => WithinLimit(() => run.Fit()));
            error.Message.ShouldContain(error.Path);
            error.Message.ShouldContain("BadImages = Skip");
            return error.Path;
        }

        string first = Failing(decodeThreads: 1);
        first.ShouldBeOneOf(garbage, truncated);
        Failing(decodeThreads: 2).ShouldBe(first, "the first damaged file in the epoch's order, not the first one a thread met");
    }
}
