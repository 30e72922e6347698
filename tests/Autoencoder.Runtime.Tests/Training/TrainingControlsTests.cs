using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>Early stopping and gradient clipping, observed from outside the loop.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingControlsTests
{
    /// <summary>Trains a linear model with scripted validation losses; returns the report and each epoch's weights.</summary>
    private static (TrainingReport Report, List<float[]> WeightsPerEpoch, float[] Final) Train(double[] validationLosses, EarlyStopping rule)
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.1);
        var perEpoch = new List<float[]>();
        int evaluations = 0;
        var report = TrainingLoop.Fit(model, optimizer, b =>
            {
                var loss = nn.functional.mse_loss(model.forward(b), b);
                return model.training ? loss : (loss * 0) + validationLosses[evaluations++];
            },
            inputs, inputs[..5],
            new TrainingOptions
            {
                Epochs = validationLosses.Length, BatchSize = 5, EarlyStopping = rule,
                Observer = new RecordingObserver { AfterEpoch = _ => perEpoch.Add(model.weight!.data<float>().ToArray()) },
            });
        return (report, perEpoch, model.weight!.data<float>().ToArray());
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_improvement_and_restores_the_best()
    {
        var (report, perEpoch, final) = Train(new[] { 1.0, 0.6, 0.7, 0.65, 0.8, 0.1, 0.1 }, new EarlyStopping(Patience: 3));

        report.StoppedEarly.ShouldBeTrue();
        report.Epochs.Count.ShouldBe(5); // epoch 2 is best; 3, 4 and 5 do not improve
        report.RestoredBestEpoch.ShouldBe(2);
        final.ShouldBe(perEpoch[1]);
        final.ShouldNotBe(perEpoch[4]);
    }

    [Fact]
    public void Min_delta_counts_small_improvements_as_none()
    {
        var (report, _, _) = Train(new[] { 1.0, 0.99, 0.98, 0.5 }, new EarlyStopping(Patience: 2, MinDelta: 0.05, RestoreBestWeights: false));

        report.StoppedEarly.ShouldBeTrue();
        report.Epochs.Count.ShouldBe(3);
        report.RestoredBestEpoch.ShouldBeNull();
    }

    [Fact]
    public void A_run_that_keeps_improving_trains_every_epoch_and_ends_with_the_best_which_is_the_last()
    {
        var (report, perEpoch, final) = Train(new[] { 1.0, 0.9, 0.8 }, new EarlyStopping(Patience: 1));

        report.StoppedEarly.ShouldBeFalse();
        report.Epochs.Count.ShouldBe(3);
        report.RestoredBestEpoch.ShouldBe(3);
        final.ShouldBe(perEpoch[2]);
    }

    [Fact]
    public void Gradient_clipping_bounds_the_global_norm_of_each_update()
    {
        using var inputs = rand(8, 3) * 100;
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 1.0);
        var before = model.parameters().Select(p => p.detach().clone()).ToArray();

        TrainingLoop.Fit(model, optimizer, b => nn.functional.mse_loss(model.forward(b), b), inputs, null,
            new TrainingOptions { Epochs = 1, BatchSize = 8, GradientClipNorm = 0.01 });

        // One SGD step with lr 1: the update is the clipped gradient, whose norm is the clip (the raw one is far larger).
        double squared = model.parameters().Zip(before, (p, b) => (p.detach() - b).pow(2).sum().item<float>()).Sum();
        Math.Sqrt(squared).ShouldBe(0.01, 1e-4);
        foreach (var b in before)
            b.Dispose();
    }
}
