using System;
using System.Linq;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>An objective's named terms are averaged per epoch like the loss, for training and for validation.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class LossTermsTests
{
    /// <summary>Reconstruction plus a small penalty on the output's magnitude: the loss is the sum of its two terms.</summary>
    internal static BatchObjective ReconstructionAndPenalty(TinyAutoencoder model, Tensor batch)
    {
        var output = model.forward(batch);
        var reconstruction = nn.functional.mse_loss(output, batch);
        var penalty = output.abs().mean().mul(0.01);
        return new BatchObjective(reconstruction + penalty, new LossTerm("reconstruction", reconstruction), new LossTerm("penalty", penalty));
    }

    [Fact]
    public void Each_epoch_reports_the_sample_weighted_mean_of_each_term_in_order_and_the_terms_add_up_to_the_loss()
    {
        using var train = SyntheticImages.Create(100, seed: 1); // 100 = 3 × 32 + 4: a partial last batch
        using var validation = SyntheticImages.Create(40, seed: 2);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 3);
        using var optimizer = new Adam(model.parameters(), 0.02);

        var report = TrainingLoop.Fit(model, optimizer, b => ReconstructionAndPenalty(model, b), train, validation,
            new TrainingOptions { Epochs = 8, BatchSize = 32, Seed = 4 });

        foreach (var epoch in report.Epochs)
        {
            epoch.TrainTerms.Select(t => t.Name).ShouldBe(new[] { "reconstruction", "penalty" });
            epoch.ValidationTerms.Select(t => t.Name).ShouldBe(new[] { "reconstruction", "penalty" });
            epoch.TrainTerms.Sum(t => t.Value).ShouldBe(epoch.TrainLoss, tolerance: 1e-6);
            epoch.ValidationTerms.Sum(t => t.Value).ShouldBe(epoch.ValidationLoss!.Value, tolerance: 1e-6);
        }

        // It learned: the reconstruction term fell, on both sets.
        report.Epochs[^1].TrainTerms[0].Value.ShouldBeLessThan(0.5 * report.Epochs[0].TrainTerms[0].Value);
        report.Epochs[^1].ValidationTerms[0].Value.ShouldBeLessThan(0.5 * report.Epochs[0].ValidationTerms[0].Value);

        // The validation terms are what the public evaluation gives for the final weights.
        var evaluation = TrainingLoop.EvaluateObjective(model, b => ReconstructionAndPenalty(model, b), validation, batchSize: 32);
        evaluation.Loss.ShouldBe(report.FinalValidationLoss!.Value);
        evaluation.Terms.ShouldBe(report.Epochs[^1].ValidationTerms);
    }

    [Fact]
    public void A_plain_loss_reports_no_terms()
    {
        using var train = SyntheticImages.Create(20, seed: 1);
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);

        var report = TrainingLoop.Fit(model, optimizer, model.MseLoss, train, train, new TrainingOptions { Epochs = 1, BatchSize = 8 });

        report.Epochs[0].TrainTerms.ShouldBeEmpty();
        report.Epochs[0].ValidationTerms.ShouldBeEmpty();
        TrainingLoop.EvaluateObjective(model, b => new BatchObjective(model.MseLoss(b)), train, 8).Terms.ShouldBeEmpty();
    }

    [Fact]
    public void EvaluateObjective_weights_batch_means_by_batch_size_and_restores_the_mode()
    {
        // Batches {0,1,2}, {3,4,5}, {6,7,8}, {9}: the mean is 4.5 and the mean of squares 28.5.
        using var inputs = arange(10, dtype: ScalarType.Float64).unsqueeze(1);
        using var model = nn.Linear(1, 1);
        model.train();
        bool? trainingInside = null;

        var evaluation = TrainingLoop.EvaluateObjective(model, b =>
        {
            trainingInside = model.training;
            return new BatchObjective(b.mean(), new LossTerm("square", b.square().mean()), new LossTerm("mean", b.mean()));
        }, inputs, batchSize: 3);

        evaluation.Loss.ShouldBe(4.5, tolerance: 1e-12);
        evaluation.Terms.Select(t => t.Name).ShouldBe(new[] { "square", "mean" });
        evaluation.Terms[0].Value.ShouldBe(28.5, tolerance: 1e-12);
        evaluation.Terms[1].Value.ShouldBe(4.5, tolerance: 1e-12);
        trainingInside.ShouldBe(false);
        model.training.ShouldBeTrue();
    }

    public static TheoryData<string, string> BadTerms => new()
    {
        { "duplicate", "the objective returned two terms named 'kl'; term names must be unique." },
        { "vector", "the objective returned the term 'kl' with shape [2]; a term must be a scalar (one element)." },
        { "reserved", "the objective returned a term named 'loss'; that name is the loss's own in the logs, so give the term another." },
        { "unnamed", "the objective returned a term without a name (term 2 of 2)." },
        { "changing", "the objective returned the terms (kl, extra) but earlier batches returned (kl); every batch must return the same terms in the same order." },
    };

    [Theory]
    [MemberData(nameof(BadTerms))]
    public void Malformed_terms_are_refused_with_a_message_saying_what_is_wrong(string kind, string message)
    {
        using var inputs = rand(20, 3);
        using var model = nn.Linear(3, 3);
        using var optimizer = new Sgd(model.parameters(), 0.01);
        int calls = 0;

        BatchObjective Objective(Tensor b)
        {
            calls++;
            var loss = nn.functional.mse_loss(model.forward(b), b);
            return kind switch
            {
                "duplicate" => new BatchObjective(loss, new LossTerm("kl", loss), new LossTerm("kl", loss)),
                "vector" => new BatchObjective(loss, new LossTerm("kl", ones(2))),
                "reserved" => new BatchObjective(loss, new LossTerm("loss", loss)),
                "unnamed" => new BatchObjective(loss, new LossTerm("kl", loss), new LossTerm(" ", loss)),
                _ => calls < 3
                    ? new BatchObjective(loss, new LossTerm("kl", loss))
                    : new BatchObjective(loss, new LossTerm("kl", loss), new LossTerm("extra", loss)),
            };
        }

        Should.Throw<InvalidOperationException>(() => TrainingLoop.Fit(model, optimizer, Objective, inputs, null,
            new TrainingOptions { Epochs = 1, BatchSize = 5 })).Message.ShouldBe(message);
        calls = 0;
        Should.Throw<InvalidOperationException>(() => TrainingLoop.EvaluateObjective(model, Objective, inputs, batchSize: 5))
            .Message.ShouldBe(message);
    }

    [Fact]
    public void A_non_finite_term_stops_at_its_step_naming_the_term_and_keeps_the_previous_weights()
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
            if (calls < 6)
                return new BatchObjective(loss, new LossTerm("reconstruction", loss), new LossTerm("kl", zeros(1)));

            weightsBefore = model.weight!.detach().clone().DetachFromDisposeScope();
            // Not part of the loss, whose gradient is fine: only the term can stop this step.
            return new BatchObjective(loss, new LossTerm("reconstruction", loss), new LossTerm("kl", full(1, double.PositiveInfinity)));
        }, inputs, null, new TrainingOptions { Epochs = 3, BatchSize = 5 }));

        // 4 steps per epoch: call 6 is epoch 2, step 2.
        (error.Epoch, error.Step).ShouldBe((2, 2L));
        error.What.ShouldBe("the term 'kl' (Infinity)");
        error.Message.ShouldStartWith("Training stopped at epoch 2, step 2: the term 'kl' (Infinity) is not finite (NaN or infinity). That step was not applied;");
        model.weight!.allclose(weightsBefore!, rtol: 0, atol: 0).ShouldBeTrue();
        weightsBefore!.Dispose();
    }
}
