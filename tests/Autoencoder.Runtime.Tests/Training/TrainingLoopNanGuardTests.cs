using System.Linq;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>
/// A NaN or infinite loss or gradient stops training with the epoch and step, and no update is applied; a gradient that is
/// not finite once (a flaky kernel) is computed again.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TrainingLoopNanGuardTests
{
    [Fact]
    public void Non_finite_loss_stops_at_its_step_and_keeps_the_previous_weights()
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        Tensor? weightsBefore = null;
        var calls = 0;

        var error = Should.Throw<NonFiniteTrainingException>(() => TrainingLoop.Fit(model, optimizer, b =>
        {
            calls++;
            var loss = nn.functional.mse_loss(model.forward(b), b);
            if (calls < 7)
                return loss;

            weightsBefore = model.weight!.detach().clone().DetachFromDisposeScope();
            return loss * double.NaN;
        }, inputs, null, new TrainingOptions { Epochs = 3, BatchSize = 5 }));

        // 4 steps per epoch: call 7 is epoch 2, step 3.
        (error.Epoch, error.Step).ShouldBe((2, 3L));
        error.Message.ShouldBe("Training stopped at epoch 2, step 3: the loss (NaN) is not finite (NaN or infinity). That step was not applied; the weights are as they were after step 2. No checkpoint was written in this run.");
        model.weight!.allclose(weightsBefore!, rtol: 0, atol: 0).ShouldBeTrue();
        weightsBefore!.Dispose();
    }

    [Fact]
    public void Non_finite_gradient_with_a_finite_loss_names_the_parameter_and_is_not_applied()
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        using var initial = model.bias!.detach().clone();

        // sqrt(b - b) is 0, a finite loss term, whose derivative at 0 is infinite: a bad gradient, a good loss.
        var error = Should.Throw<NonFiniteTrainingException>(() => TrainingLoop.Fit(model, optimizer,
            b => nn.functional.mse_loss(model.forward(b), b) + (model.bias! - model.bias!.detach()).sqrt().sum(),
            inputs, null, new TrainingOptions { Epochs = 1, BatchSize = 5 }));

        (error.Epoch, error.Step).ShouldBe((1, 1L));
        error.What.ShouldBe("the gradient of bias (computed 3 times)");
        model.bias!.allclose(initial, rtol: 0, atol: 0).ShouldBeTrue();
        model.parameters().All(p => p.isfinite().all().item<bool>()).ShouldBeTrue();
    }

    [Fact]
    public void A_gradient_that_is_not_finite_once_is_computed_again_and_training_goes_on_as_without_it()
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var twin = nn.Linear(3, 3);
        using (no_grad())
        {
            twin.weight!.copy_(model.weight!);
            twin.bias!.copy_(model.bias!);
        }
        using var optimizer = new Sgd(model.parameters(), 0.01);
        using var twinOptimizer = new Sgd(twin.parameters(), 0.01);
        var calls = 0;

        // Call 3 (epoch 1, step 3) adds sqrt(b - b): zero to the loss, an infinite gradient.
        var report = TrainingLoop.Fit(model, optimizer, b =>
        {
            var loss = nn.functional.mse_loss(model.forward(b), b);
            return ++calls == 3 ? loss + (model.bias! - model.bias!.detach()).sqrt().sum() : loss;
        }, inputs, null, new TrainingOptions { Epochs = 2, BatchSize = 5 });
        var clean = TrainingLoop.Fit(twin, twinOptimizer,
            b => nn.functional.mse_loss(twin.forward(b), b), inputs, null, new TrainingOptions { Epochs = 2, BatchSize = 5 });

        calls.ShouldBe(9);
        report.RecomputedSteps.ShouldBe(1);
        report.Epochs.Select(e => e.RecomputedSteps).ShouldBe([1L, 0L]);
        clean.RecomputedSteps.ShouldBe(0);
        model.weight!.allclose(twin.weight!, rtol: 0, atol: 1e-7).ShouldBeTrue();
        report.Epochs[^1].TrainLoss.ShouldBe(clean.Epochs[^1].TrainLoss, 1e-7);
    }

    [Fact]
    public void With_no_retries_a_non_finite_gradient_stops_at_once()
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        var calls = 0;

        var error = Should.Throw<NonFiniteTrainingException>(() => TrainingLoop.Fit(model, optimizer, b =>
        {
            calls++;
            return nn.functional.mse_loss(model.forward(b), b) + (model.bias! - model.bias!.detach()).sqrt().sum();
        }, inputs, null, new TrainingOptions { Epochs = 1, BatchSize = 5, NonFiniteGradientRetries = 0 }));

        calls.ShouldBe(1);
        error.What.ShouldBe("the gradient of bias");
        Should.Throw<System.ArgumentOutOfRangeException>(() => TrainingLoop.Fit(model, optimizer,
                b => nn.functional.mse_loss(model.forward(b), b), inputs, null,
                new TrainingOptions { Epochs = 1, BatchSize = 5, NonFiniteGradientRetries = -1 }))
            .Message.ShouldContain("NonFiniteGradientRetries cannot be negative");
    }

    [Fact]
    public void The_error_names_the_last_good_checkpoint_and_no_checkpoint_holds_non_finite_weights()
    {
        using var directory = new Shared.TempDirectory();
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        var observer = new RecordingObserver
        {
            // After step 2 of epoch 2, a weight becomes infinite (as a huge learning rate would make it).
            AfterBatch = (epoch, samples) =>
            {
                if (epoch == 2 && samples == 10)
                {
                    using var noGrad = no_grad();
                    model.weight![0, 0] = float.PositiveInfinity;
                }
            },
        };

        var error = Should.Throw<NonFiniteTrainingException>(() => TrainingLoop.Fit(model, optimizer,
            b => nn.functional.mse_loss(model.forward(b), b), inputs, null,
            new TrainingOptions
            {
                Epochs = 3, BatchSize = 5, Observer = observer,
                Checkpoints = new CheckpointOptions { Directory = directory.Path, EverySteps = 2 },
            }));

        var lastGood = System.IO.Path.Combine(directory.Path, "epoch-0001.ckpt");
        (error.Epoch, error.Step, error.LastCheckpoint).ShouldBe((2, 2L, lastGood));
        error.What.ShouldBe("parameter weight (found before writing a checkpoint, which was not written)");
        error.Message.ShouldEndWith($"The last good checkpoint is '{lastGood}'.");
        CheckpointDirectory.FindLatest(directory.Path).ShouldBe(lastGood);
        using var check = nn.Linear(3, 3);
        Checkpoint.LoadWeights(check, lastGood);
        check.weight!.isfinite().all().item<bool>().ShouldBeTrue();
    }
}
