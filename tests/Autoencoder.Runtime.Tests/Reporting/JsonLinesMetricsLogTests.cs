using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Autoencoder.Runtime.Reporting;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;

namespace Autoencoder.Runtime.Tests.Reporting;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class JsonLinesMetricsLogTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Each_epoch_of_a_real_run_is_one_parsable_row_with_the_reported_values()
    {
        using var run = new TinyRun();
        var path = _temp.File("logs/metrics.jsonl");
        var metrics = new ReconstructionEpochMetrics(run.Model, run.Reconstruct, run.Validation, batchSize: 16);
        var linesAfterEachEpoch = new List<int>();
        TrainingReport report;
        using (var log = new JsonLinesMetricsLog(path, metrics))
        {
            // Read while the log is still open: rows must be on disk when their epoch ends, not at Dispose.
            var reader = new RecordingObserver { AfterEpoch = _ => linesAfterEachEpoch.Add(ReadShared(path).Length) };
            report = run.Fit(new CompositeObserver(log, reader), epochs: 6);
        }

        linesAfterEachEpoch.ShouldBe(new[] { 1, 2, 3, 4, 5, 6 });
        var rows = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Length.ShouldBe(6);
        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            var epoch = report.Epochs[i];
            row.EnumerateObject().Select(p => p.Name).ShouldBe(new[] {
                "epoch", "train_loss", "validation_loss", "epoch_seconds", "samples_per_second",
                "validation_mse", "validation_bce", "validation_psnr" });
            row.GetProperty("epoch").GetInt32().ShouldBe(i + 1);
            // Doubles are written round-trippable, so they read back exactly.
            row.GetProperty("train_loss").GetDouble().ShouldBe(epoch.TrainLoss);
            row.GetProperty("validation_loss").GetDouble().ShouldBe(epoch.ValidationLoss!.Value);
            row.GetProperty("epoch_seconds").GetDouble().ShouldBe(epoch.Duration.TotalSeconds);
            row.GetProperty("samples_per_second").GetDouble().ShouldBe(epoch.SamplesPerSecond);
            // The loss is MSE, so the separately measured validation MSE must agree with it (float32 vs float64).
            row.GetProperty("validation_mse").GetDouble().ShouldBe(epoch.ValidationLoss!.Value, tolerance: 1e-6);
            row.GetProperty("validation_psnr").GetDouble().ShouldBeGreaterThan(0);
        }

        // It learned: both losses and the PSNR moved the right way.
        rows[^1].GetProperty("train_loss").GetDouble().ShouldBeLessThan(0.5 * rows[0].GetProperty("train_loss").GetDouble());
        rows[^1].GetProperty("validation_mse").GetDouble().ShouldBeLessThan(rows[0].GetProperty("validation_mse").GetDouble());
        rows[^1].GetProperty("validation_psnr").GetDouble().ShouldBeGreaterThan(rows[0].GetProperty("validation_psnr").GetDouble());
    }

    [Fact]
    public void Missing_validation_and_non_finite_values_are_null()
    {
        var path = _temp.File("metrics.jsonl");
        using (var log = new JsonLinesMetricsLog(path))
        {
            log.OnEpochStart(1, 2, 10);
            log.OnEpochEnd(new EpochResult(1, double.NaN, null, TimeSpan.FromSeconds(1), double.PositiveInfinity));
        }

        var row = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
        row.GetProperty("train_loss").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("validation_loss").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("samples_per_second").ValueKind.ShouldBe(JsonValueKind.Null);
        row.GetProperty("epoch_seconds").GetDouble().ShouldBe(1.0);
    }

    [Fact]
    public void A_new_run_replaces_an_old_log()
    {
        var path = _temp.File("metrics.jsonl");
        File.WriteAllText(path, "{\"epoch\":99}\n");
        using (var log = new JsonLinesMetricsLog(path))
        {
            File.ReadAllText(path).ShouldContain("99"); // untouched until training starts
            log.OnEpochStart(1, 1, 10);
            log.OnEpochEnd(new EpochResult(1, 0.5, 0.25, TimeSpan.FromSeconds(1), 10));
        }

        File.ReadAllLines(path).ShouldHaveSingleItem().ShouldStartWith("{\"epoch\":1,");
    }

    private static string[] ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public void A_resumed_run_keeps_the_rows_of_completed_epochs_and_drops_those_its_checkpoint_does_not_cover()
    {
        using var checkpoints = new TempDirectory();
        var path = _temp.File("metrics.jsonl");
        using (var first = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 2))
        using (var log = new JsonLinesMetricsLog(path))
        {
            first.Options.Observer = log;
            first.Fit();
        }
        // A row for epoch 3 whose checkpoint never got written (killed in between), and half a line.
        File.AppendAllText(path, "{\"epoch\":3,\"train_loss\":1}\n{\"epoch\":4,\"tr");

        using (var second = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 4))
        using (var log = new JsonLinesMetricsLog(path))
        {
            second.Options.Observer = log;
            second.Fit().ResumedFrom.ShouldNotBeNull();
        }

        File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement.GetProperty("epoch").GetInt32())
            .ShouldBe(new[] { 1, 2, 3, 4 });
    }

    [Fact]
    public void Terms_are_train_and_val_columns_after_the_timing_and_a_resumed_run_keeps_them()
    {
        using var checkpoints = new TempDirectory();
        var path = _temp.File("terms.jsonl");
        using (var first = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 2, withTerms: true))
        using (var log = new JsonLinesMetricsLog(path))
        {
            first.Options.Observer = log;
            first.Fit();
        }

        TrainingReport report;
        using (var second = new Checkpoints.CheckpointRun(checkpoints.Path, o => o.Epochs = 3, withTerms: true))
        using (var log = new JsonLinesMetricsLog(path))
        {
            second.Options.Observer = log;
            report = second.Fit();
        }

        var rows = File.ReadAllLines(path).Select(line => JsonDocument.Parse(line).RootElement).ToArray();
        rows.Length.ShouldBe(3);
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i].EnumerateObject().Select(p => p.Name).ShouldBe(new[] {
                "epoch", "train_loss", "validation_loss", "epoch_seconds", "samples_per_second",
                "train_reconstruction", "train_penalty", "val_reconstruction", "val_penalty" });
            var epoch = report.Epochs[i];
            rows[i].GetProperty("train_reconstruction").GetDouble().ShouldBe(epoch.TrainTerms[0].Value);
            rows[i].GetProperty("train_penalty").GetDouble().ShouldBe(epoch.TrainTerms[1].Value);
            rows[i].GetProperty("val_reconstruction").GetDouble().ShouldBe(epoch.ValidationTerms[0].Value);
            rows[i].GetProperty("val_penalty").GetDouble().ShouldBe(epoch.ValidationTerms[1].Value);
        }
    }
}
