using System;
using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>The rate the optimizer used at every step, against PyTorch's formulas for the same schedule.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class LearningRateScheduleTests
{
    private const int Epochs = 4;
    private const int StepsPerEpoch = 5;

    /// <summary>Trains epochs of 5 steps and returns the rate of each step, read after the step.</summary>
    /// <param name="validationLosses">Scripted validation loss per epoch (one validation batch per epoch).</param>
    private static List<double> RatesOf(LearningRateSchedule schedule, double baseRate = 0.1, double[]? validationLosses = null)
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), baseRate);
        var rates = new List<double>();
        var observer = new RecordingObserver { AfterBatch = (_, _) => rates.Add(optimizer.Groups[0].LearningRate) };
        int evaluations = 0;
        TrainingLoop.Fit(model, optimizer, b =>
            {
                var loss = nn.functional.mse_loss(model.forward(b), b);
                return model.training || validationLosses is null ? loss : (loss * 0) + validationLosses[evaluations++];
            },
            inputs, validationLosses is null ? null : inputs[..4],
            new TrainingOptions { Epochs = validationLosses?.Length ?? Epochs, BatchSize = 4, Schedule = schedule, Observer = observer });
        return rates;
    }

    [Fact]
    public void Step_multiplies_by_gamma_every_step_size_epochs()
    {
        var rates = RatesOf(new StepSchedule(StepSize: 2, Gamma: 0.5));

        rates.Count.ShouldBe(Epochs * StepsPerEpoch);
        rates.Chunk(StepsPerEpoch).Select(epoch => epoch.Distinct().Single()).ShouldBe(new[] { 0.1, 0.1, 0.05, 0.05 });
    }

    [Fact]
    public void A_schedule_moves_every_parameter_group_from_its_own_initial_rate()
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd([new ParameterGroup([model.weight!], 0.1), new ParameterGroup([model.bias!], 0.01)]);
        var rates = new List<(double Weight, double Bias)>();
        var observer = new RecordingObserver { AfterBatch = (_, _) => rates.Add((optimizer.Groups[0].LearningRate, optimizer.Groups[1].LearningRate)) };

        TrainingLoop.Fit(model, optimizer, b => nn.functional.mse_loss(model.forward(b), b), inputs, null,
            new TrainingOptions { Epochs = Epochs, BatchSize = 4, Schedule = new StepSchedule(StepSize: 2, Gamma: 0.5), Observer = observer });

        rates.Chunk(StepsPerEpoch).Select(epoch => epoch.Distinct().Single())
            .ShouldBe(new[] { (0.1, 0.01), (0.1, 0.01), (0.05, 0.005), (0.05, 0.005) });
    }

    [Fact]
    public void Cosine_anneals_every_step_from_the_base_rate_towards_the_minimum()
    {
        var rates = RatesOf(new CosineSchedule(MinLearningRate: 0.001));

        for (int t = 0; t < rates.Count; t++)
            rates[t].ShouldBe(0.001 + ((0.1 - 0.001) * (1 + Math.Cos(Math.PI * t / 20.0)) / 2), 1e-12);
        rates[0].ShouldBe(0.1, 1e-12);
        rates[10].ShouldBe((0.1 + 0.001) / 2, 1e-12);
    }

    [Fact]
    public void One_cycle_warms_up_to_the_peak_then_anneals_to_the_final_rate()
    {
        var rates = RatesOf(new OneCycleSchedule(MaxLearningRate: 1.0, WarmupFraction: 0.25, DivFactor: 10, FinalDivFactor: 100));

        // PyTorch OneCycleLR, total_steps 20, pct_start 0.25: peak at step 4, final rate 1/10/100 at step 19.
        rates[0].ShouldBe(0.1, 1e-12);
        rates[2].ShouldBe(0.1 + (0.9 * (1 - Math.Cos(Math.PI * 2 / 4)) / 2), 1e-12);
        rates[4].ShouldBe(1.0, 1e-12);
        rates[19].ShouldBe(0.001, 1e-12);
        rates.Skip(4).ShouldBeInOrder(SortDirection.Descending);
    }

    [Fact]
    public void Reduce_on_plateau_cuts_the_rate_after_more_than_patience_epochs_without_improvement()
    {
        // Epochs 3 and 4 do not improve on epoch 2: with patience 1 the rate is cut after epoch 4, and again after 6.
        double[] losses = { 1.0, 0.5, 0.5, 0.5, 0.5, 0.5 };
        var rates = RatesOf(new ReduceOnPlateauSchedule(Factor: 0.1, Patience: 1), validationLosses: losses);

        var perEpoch = rates.Chunk(StepsPerEpoch).Select(epoch => epoch.Distinct().Single()).ToArray();
        perEpoch.Length.ShouldBe(6);
        perEpoch[..4].ShouldBe(new[] { 0.1, 0.1, 0.1, 0.1 });
        perEpoch[4].ShouldBe(0.01, 1e-15);
        perEpoch[5].ShouldBe(0.01, 1e-15);
    }

    [Fact]
    public void Invalid_schedule_parameters_set_in_code_are_refused_before_training()
    {
        using var inputs = rand(8, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.1);

        var error = Should.Throw<ArgumentException>(() => TrainingLoop.Fit(model, optimizer,
            b => nn.functional.mse_loss(model.forward(b), b), inputs, null,
            new TrainingOptions { Epochs = 1, Schedule = new StepSchedule(StepSize: 0) }));

        error.Message.ShouldStartWith("StepSchedule.StepSize must be at least 1 (was 0).");
    }
}
