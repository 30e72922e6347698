using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Tests.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Reporting;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TensorBoardLogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_real_run_writes_one_event_file_with_every_scalar_per_epoch_and_reconstruction_images()
    {
        const int epochs = 5, shown = 6;
        using var run = new TinyRun();
        using var renderer = new ReconstructionRenderer(run.Model, run.Reconstruct, run.Validation[..shown]);
        var metrics = new ReconstructionEpochMetrics(run.Model, run.Reconstruct, run.Validation, batchSize: 16);
        var runDirectory = _temp.File("tensorboard/run1");

        var report = run.Fit(new TensorBoardLog(runDirectory, metrics, renderer), epochs);

        var file = Directory.GetFiles(runDirectory).ShouldHaveSingleItem();
        Path.GetFileName(file).ShouldStartWith("events.out.tfevents.");
        var events = TfRecordReader.Read(File.ReadAllBytes(file)).Select(Tensorboard.Event.Parser.ParseFrom).ToList();
        events[0].FileVersion.ShouldBe("brain.Event:2");
        var values = events.Skip(1)
            .SelectMany(e => e.Summary.Value.Select(v => (Step: e.Step, Value: v)))
            .ToList();

        float[] Series(string tag) => values.Where(v => v.Value.Tag == tag).OrderBy(v => v.Step)
            .Select(v => v.Value.SimpleValue).ToArray();
        long[] Steps(string tag) => values.Where(v => v.Value.Tag == tag).Select(v => v.Step).Order().ToArray();

        var everyEpoch = Enumerable.Range(1, epochs).Select(e => (long)e).ToArray();
        foreach (var tag in new[] { "loss/train", "loss/validation", "time/epoch_seconds", "time/samples_per_second",
                     "metrics/validation_mse", "metrics/validation_bce", "metrics/validation_psnr" })
        {
            Steps(tag).ShouldBe(everyEpoch, tag);
        }

        Series("loss/train").ShouldBe(report.Epochs.Select(e => (float)e.TrainLoss).ToArray());
        Series("loss/validation").ShouldBe(report.Epochs.Select(e => (float)e.ValidationLoss!.Value).ToArray());
        var train = Series("loss/train");
        train[^1].ShouldBeLessThan(0.5f * train[0]); // it learned
        Series("metrics/validation_psnr")[^1].ShouldBeGreaterThan(Series("metrics/validation_psnr")[0]);

        // The untrained model at step 0, then one image per epoch, each a PNG of the two-row grid.
        Steps(TensorBoardLog.ReconstructionsTag).ShouldBe(new long[] { 0 }.Concat(everyEpoch).ToArray());
        var images = values.Where(v => v.Value.Tag == TensorBoardLog.ReconstructionsTag).Select(v => v.Value.Image).ToList();
        var first = PngReader.Decode(images[0].EncodedImageString.ToByteArray());
        first.Width.ShouldBe((shown * TinyRun.Side) + ((shown - 1) * ImageGrid.GapPixels));
        first.Height.ShouldBe((2 * TinyRun.Side) + ImageGrid.GapPixels);
        var last = PngReader.Decode(images[^1].EncodedImageString.ToByteArray());
        // Same originals on top, different (trained) reconstructions below.
        TopRow(last).ShouldBe(TopRow(first));
        last.Pixels.ShouldNotBe(first.Pixels);
    }

    [Fact]
    public void Without_metrics_or_images_only_the_losses_and_timing_are_written()
    {
        using var run = new TinyRun();
        var runDirectory = _temp.File("plain");

        run.Fit(new TensorBoardLog(runDirectory), epochs: 2);

        var events = TfRecordReader.Read(File.ReadAllBytes(Directory.GetFiles(runDirectory).Single()))
            .Select(Tensorboard.Event.Parser.ParseFrom).ToList();
        events.SelectMany(e => e.Summary?.Value.Select(v => v.Tag) ?? []).Distinct().Order()
            .ShouldBe(new[] { "loss/train", "loss/validation", "time/epoch_seconds", "time/samples_per_second" });
    }

    [Fact]
    public void Named_terms_are_train_and_val_scalars_per_epoch()
    {
        using var train = SyntheticImages.Create(64, seed: 1);
        using var validation = SyntheticImages.Create(32, seed: 2);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 3);
        using var optimizer = new Adam(model.parameters(), 0.02);
        var runDirectory = _temp.File("terms");

        var report = TrainingLoop.Fit(model, optimizer, b => LossTermsTests.ReconstructionAndPenalty(model, b), train, validation,
            new TrainingOptions { Epochs = 2, BatchSize = 32, Observer = new TensorBoardLog(runDirectory) });

        var values = TfRecordReader.Read(File.ReadAllBytes(Directory.GetFiles(runDirectory).Single()))
            .Select(Tensorboard.Event.Parser.ParseFrom)
            .SelectMany(e => e.Summary?.Value.Select(v => (e.Step, v.Tag, v.SimpleValue)) ?? [])
            .ToList();
        values.Select(v => v.Tag).Distinct().Order().ShouldBe(new[] {
            "loss/train", "loss/validation", "time/epoch_seconds", "time/samples_per_second",
            "train/penalty", "train/reconstruction", "val/penalty", "val/reconstruction" });
        float[] Series(string tag) => values.Where(v => v.Tag == tag).OrderBy(v => v.Step).Select(v => v.SimpleValue).ToArray();
        Series("train/reconstruction").ShouldBe(report.Epochs.Select(e => (float)e.TrainTerms[0].Value).ToArray());
        Series("val/penalty").ShouldBe(report.Epochs.Select(e => (float)e.ValidationTerms[1].Value).ToArray());
    }

    private static byte[] TopRow(PngReader.Image image) =>
        image.Pixels.AsSpan(0, TinyRun.Side * image.Width * image.Channels).ToArray();
}
