using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Training;

[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopLearningTests
{
    [Fact]
    public void Fit_learns_to_reconstruct_structured_images()
    {
        using var train = SyntheticImages.Create(512, seed: 1);
        using var validation = SyntheticImages.Create(128, seed: 2);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 2 * SyntheticImages.Patterns, initSeed: 7);
        using var optimizer = new Adam(model.parameters(), learningRate: 0.05);
        var options = new TrainingOptions { Epochs = 40, BatchSize = 32, Seed = 3 };

        var report = TrainingLoop.Fit(model, optimizer, model.MseLoss, train, validation, options);

        report.Cancelled.ShouldBeFalse();
        report.Epochs.Count.ShouldBe(40);
        report.Epochs.Select(e => e.Epoch).ShouldBe(Enumerable.Range(1, 40));
        report.FinalTrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss * 0.1);
        // Predicting the mean image would score the per-pixel variance; demand a tenth of it.
        double meanImageMse = validation.var(0).mean().item<float>();
        report.FinalValidationLoss.ShouldNotBeNull().ShouldBeLessThan(0.1 * meanImageMse);
        report.Epochs.ShouldAllBe(e => e.SamplesPerSecond > 0 && e.Duration > System.TimeSpan.Zero);

        var quality = ReconstructionMetrics.Evaluate(model, x => model.forward(x), validation, batchSize: 50);
        quality.Count.ShouldBe(128);
        quality.Mse.ShouldBeLessThan(0.1 * meanImageMse);
        quality.Mse.ShouldBe(report.FinalValidationLoss.Value, tolerance: 1e-6);
    }

    [Fact]
    public void Same_seed_and_initial_weights_give_identical_loss_history_even_with_dropout()
    {
        double[] first = LossHistory(trainingSeed: 5);
        double[] second = LossHistory(trainingSeed: 5);
        double[] otherSeed = LossHistory(trainingSeed: 6);

        second.ShouldBe(first);
        otherSeed.ShouldNotBe(first);
    }

    private static double[] LossHistory(long trainingSeed)
    {
        using var train = SyntheticImages.Create(200, seed: 2);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 11, dropoutRate: 0.3);
        using var optimizer = new Adam(model.parameters(), learningRate: 0.01);
        // Reseed the global generator with something else so Fit must reseed it itself.
        torch.manual_seed(trainingSeed * 1000 + 1).Dispose();
        var options = new TrainingOptions { Epochs = 4, BatchSize = 16, Seed = trainingSeed };
        var report = TrainingLoop.Fit(model, optimizer, model.MseLoss, train, null, options);
        return report.Epochs.Select(e => e.TrainLoss).ToArray();
    }

    [Fact]
    public void Live_tensor_count_stays_flat_across_steps_and_epochs()
    {
        // Counts are per thread and exact (created minus disposed), so parallel tests cannot disturb them, and a
        // tensor leaked by a step or by validation shows up as growth between two observations.
        using var train = SyntheticImages.Create(300, seed: 4);
        using var validation = SyntheticImages.Create(60, seed: 5);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 1, dropoutRate: 0.1);
        using var optimizer = new Adam(model.parameters(), learningRate: 0.01);
        var liveAfterBatch = new List<long>();
        var liveAfterEpoch = new List<long>();
        var observer = new RecordingObserver
        {
            AfterBatch = (_, _) => liveAfterBatch.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount),
            AfterEpoch = _ => liveAfterEpoch.Add(DisposeScopeManager.Statistics.ThreadTotalLiveCount),
        };
        var options = new TrainingOptions { Epochs = 4, BatchSize = 16, Observer = observer };

        TrainingLoop.Fit(model, optimizer, model.MseLoss, train, validation, options);

        // The first step creates the optimizer's moment buffers; after that nothing may accumulate.
        liveAfterBatch.Count.ShouldBe(4 * 19);
        liveAfterBatch.Skip(1).ShouldAllBe(count => count == liveAfterBatch[1]);
        liveAfterEpoch.ShouldAllBe(count => count == liveAfterEpoch[0]);
    }
}
