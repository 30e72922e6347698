using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopBatchingTests
{
    /// <summary>Trains a 1→1 linear model on samples 0..n-1 and records the sample ids of every batch.</summary>
    private static List<long[]> RecordBatches(int samples, TrainingOptions options, List<bool>? trainingFlags = null)
    {
        using var inputs = arange(samples, dtype: ScalarType.Float32).unsqueeze(1);
        using var model = nn.Linear(1, 1);
        using var optimizer = new Sgd(model.parameters(), 0.001);
        var batches = new List<long[]>();
        TrainingLoop.Fit(model, optimizer, batch =>
        {
            batches.Add(batch.data<float>().ToArray().Select(v => (long)v).ToArray());
            trainingFlags?.Add(model.training);
            return model.forward(batch).square().mean();
        }, inputs, null, options);
        return batches;
    }

    [Fact]
    public void Each_epoch_visits_every_sample_once_in_a_new_order_keeping_the_last_partial_batch()
    {
        var batches = RecordBatches(10, new TrainingOptions { Epochs = 3, BatchSize = 4, Seed = 9 });

        batches.Select(b => b.Length).ShouldBe(new[] { 4, 4, 2, 4, 4, 2, 4, 4, 2 });
        var epochs = Enumerable.Range(0, 3).Select(e => batches.Skip(3 * e).Take(3).SelectMany(b => b).ToArray()).ToArray();
        foreach (var order in epochs)
            order.OrderBy(i => i).ShouldBe(Enumerable.Range(0, 10).Select(i => (long)i));
        epochs.Select(order => string.Join(",", order)).Distinct().Count().ShouldBe(3);
        epochs[0].ShouldNotBe(Enumerable.Range(0, 10).Select(i => (long)i));
    }

    [Fact]
    public void A_step_limit_stops_inside_an_epoch_and_progress_counts_only_the_epochs_it_reaches()
    {
        var observer = new RecordingObserver();
        var batches = RecordBatches(10, new TrainingOptions { Epochs = 50, BatchSize = 4, Seed = 3, MaxSteps = 5, Observer = observer });

        // Three steps an epoch: the fifth step is the second of epoch 2, and the display says "of 2", not "of 50".
        batches.Select(b => b.Length).ShouldBe(new[] { 4, 4, 2, 4, 4 });
        observer.Calls.Where(c => c.StartsWith("start", System.StringComparison.Ordinal)).ShouldBe(new[] { "start 1/2 n=10", "start 2/2 n=10" });
    }

    [Fact]
    public void Same_seed_gives_the_same_batch_sequence_and_another_seed_a_different_one()
    {
        var first = RecordBatches(10, new TrainingOptions { Epochs = 2, BatchSize = 3, Seed = 1 }).SelectMany(b => b);
        var again = RecordBatches(10, new TrainingOptions { Epochs = 2, BatchSize = 3, Seed = 1 }).SelectMany(b => b);
        var other = RecordBatches(10, new TrainingOptions { Epochs = 2, BatchSize = 3, Seed = 2 }).SelectMany(b => b);

        again.ShouldBe(first);
        other.ShouldNotBe(first);
    }

    [Fact]
    public void Without_shuffle_batches_follow_the_sample_order()
    {
        var batches = RecordBatches(5, new TrainingOptions { Epochs = 2, BatchSize = 2, Shuffle = false });

        batches.ShouldBe(new[] {
            new long[] { 0, 1 }, new long[] { 2, 3 }, new long[] { 4 },
            new long[] { 0, 1 }, new long[] { 2, 3 }, new long[] { 4 },
        });
    }

    [Fact]
    public void Batch_larger_than_the_data_set_trains_on_one_full_batch()
    {
        var batches = RecordBatches(3, new TrainingOptions { Epochs = 1, BatchSize = 64 });

        batches.Count.ShouldBe(1);
        batches[0].OrderBy(i => i).ShouldBe(new long[] { 0, 1, 2 });
    }

    [Fact]
    public void Observer_sees_epoch_start_batch_progress_and_epoch_end_in_order()
    {
        var observer = new RecordingObserver();
        RecordBatches(10, new TrainingOptions { Epochs = 2, BatchSize = 4, Observer = observer });

        observer.Calls.ShouldBe(new[] {
            "start 1/2 n=10", "batch 1 4", "batch 1 8", "batch 1 10", "end 1",
            "start 2/2 n=10", "batch 2 4", "batch 2 8", "batch 2 10", "end 2",
        });
    }

    [Fact]
    public void Training_runs_in_train_mode_validation_in_eval_mode_without_gradients()
    {
        using var train = arange(8, dtype: ScalarType.Float32).unsqueeze(1);
        using var validation = arange(3, dtype: ScalarType.Float32).unsqueeze(1);
        using var model = nn.Linear(1, 1);
        using var optimizer = new Sgd(model.parameters(), 0.001);
        model.eval();
        var seen = new List<string>();

        TrainingLoop.Fit(model, optimizer, batch =>
        {
            seen.Add($"{batch.shape[0]}:{(model.training ? "train" : "eval")}:{(is_grad_enabled() ? "grad" : "nograd")}");
            return model.forward(batch).square().mean();
        }, train, validation, new TrainingOptions { Epochs = 1, BatchSize = 8 });

        seen.ShouldBe(new[] { "8:train:grad", "3:eval:nograd" });
    }

    [Fact]
    public void Epoch_loss_is_the_sample_weighted_mean_of_batch_losses()
    {
        // With lr 0 the weights never change, so each batch loss is the batch mean of a fixed function of x:
        // a weighted mean over batches of 4, 4 and 2 equals the plain mean over all 10 samples.
        using var inputs = arange(10, dtype: ScalarType.Float32).unsqueeze(1);
        using var model = nn.Linear(1, 1);
        using var optimizer = new Sgd(model.parameters(), 0.0);

        var report = TrainingLoop.Fit(model, optimizer, batch => batch.mean() + 0 * model.forward(batch).sum(),
            inputs, inputs, new TrainingOptions { Epochs = 1, BatchSize = 4 });

        report.Epochs[0].TrainLoss.ShouldBe(4.5, tolerance: 1e-12);
        report.FinalValidationLoss.ShouldNotBeNull().ShouldBe(4.5, tolerance: 1e-12);
    }
}
