using System;
using System.Linq;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Regularization;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Generated denoising, sparse and contractive models train on a small synthetic image set: the denoiser beats its noisy input,
/// each penalty does its work, and the contractive penalty's closed form, autograd form and finite differences agree.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedRegularizationTests
{
    [Fact]
    public void Denoiser_restores_noisy_images_better_than_the_noise_leaves_them()
    {
        using var data = Images(512, seed: 10);
        var trainer = DenoisingTestModel.Trainer.Create();
        var untrained = DenoisingMetrics.Evaluate(trainer.Model, data, 128);

        var report = trainer.Fit(data);
        var trained = DenoisingMetrics.Evaluate(trainer.Model, data, 128);

        report.Epochs[^1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        trained.NoisyPsnr.ShouldBe(untrained.NoisyPsnr); // the same seed draws the same noise
        trained.RestoredPsnr.ShouldBeGreaterThan(trained.NoisyPsnr + 3, $"noisy {trained.NoisyPsnr:F2} dB, restored {trained.RestoredPsnr:F2} dB");
        trained.RestoredMse.ShouldBeLessThan(trained.NoisyMse);
        DenoisingMetrics.Evaluate(trainer.Model, data, 128).ShouldBe(trained);
        trainer.Model.Dispose();
    }

    [Fact]
    public void Corruption_applies_while_training_only()
    {
        using var data = Images(64, seed: 11);
        manual_seed(5);
        using var model = new DenoisingTestModel();

        model.eval();
        using var clean = model.TrainingLoss(data);
        model.train();
        using var noisy = model.TrainingLoss(data);

        using var direct = DenoisingTestModel.LossFunction(model.forward(data), data);
        clean.item<float>().ShouldBe(direct.item<float>());
        noisy.item<float>().ShouldNotBe(clean.item<float>());
    }

    [Fact]
    public void Sparse_model_lowers_its_reconstruction_and_both_sparsity_terms()
    {
        using var data = Images(256, seed: 12);
        var trainer = SparseTestModel.Trainer.Create();
        var before = Terms(trainer.Model, trainer.Model.TrainingObjective, data);

        trainer.Fit(data);
        var after = Terms(trainer.Model, trainer.Model.TrainingObjective, data);

        before.Keys.ShouldBe(new[] { "reconstruction", "l1", "kl_sparsity" });
        foreach (var term in before.Keys)
        {
            after[term].ShouldBeLessThan(before[term], term);
        }

        using var code = NoGrad(() => trainer.Model.Encode(data));
        code.mean().item<float>().ShouldBeLessThan(0.2f); // the target is 0.05; an untrained sigmoid code sits near 0.5
        trainer.Model.Dispose();
    }

    [Fact]
    public void Contractive_penalty_makes_the_encoder_flatter_than_without_it()
    {
        using var data = Images(256, seed: 13);
        var contracted = ContractiveTestModel.Trainer.Create();
        var plain = UncontractedTestModel.Trainer.Create();
        var before = Terms(contracted.Model, contracted.Model.TrainingObjective, data);

        var report = contracted.Fit(data);
        plain.Fit(data);
        var after = Terms(contracted.Model, contracted.Model.TrainingObjective, data);

        before.Keys.ShouldBe(new[] { "reconstruction", "contractive" });
        report.Epochs[^1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        after["reconstruction"].ShouldBeLessThan(before["reconstruction"]);
        var withPenalty = NoGrad(() => contracted.Model.JacobianNormSquared(data)).mean().item<float>();
        var withoutPenalty = NoGrad(() => EncoderJacobian.SquaredFrobeniusNorm(plain.Model.Encode, data)).mean().item<float>();
        withPenalty.ShouldBeLessThan(withoutPenalty * 0.8f, $"‖J‖² {withPenalty} with the penalty, {withoutPenalty} without");
        contracted.Model.Dispose();
        plain.Model.Dispose();
    }

    [Fact]
    public void Deep_contractive_model_trains_with_the_autograd_penalty()
    {
        using var data = Images(256, seed: 14);
        var trainer = DeepContractiveTestModel.Trainer.Create();
        var before = Terms(trainer.Model, trainer.Model.TrainingObjective, data);

        var report = trainer.Fit(data);
        var after = Terms(trainer.Model, trainer.Model.TrainingObjective, data);

        report.Epochs[^1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);
        after["reconstruction"].ShouldBeLessThan(before["reconstruction"]);
        after["contractive"].ShouldBeGreaterThan(0);
        trainer.Model.Dispose();
    }

    [Fact]
    public void Closed_form_and_autograd_give_the_same_jacobian_norm()
    {
        manual_seed(6);
        using var model = new ContractiveTestModel();
        using var data = Images(32, seed: 15);

        using var closed = model.JacobianNormSquared(data);
        using var autograd = EncoderJacobian.SquaredFrobeniusNorm(model.Encode, data);

        closed.shape.ShouldBe(new long[] { 32 });
        allclose(closed, autograd, rtol: 1e-4, atol: 1e-6).ShouldBeTrue();
    }

    [Fact]
    public void Autograd_jacobian_norm_matches_finite_differences()
    {
        manual_seed(7);
        using var model = new DeepContractiveTestModel();
        model.to(float64);
        using var data = Images(4, seed: 16).to(float64);

        using var norms = EncoderJacobian.SquaredFrobeniusNorm(model.Encode, data);
        using var closedModel = new ContractiveTestModel();
        closedModel.to(float64);

        for (int b = 0; b < 4; b++)
        {
            norms[b].item<double>().ShouldBe(FiniteDifferenceNorm(model.Encode, data[b]), 1e-6 * Math.Max(1, norms[b].item<double>()));
        }

        using var closed = closedModel.JacobianNormSquared(data);
        closed[0].item<double>().ShouldBe(FiniteDifferenceNorm(closedModel.Encode, data[0]), 1e-6 * Math.Max(1, closed[0].item<double>()));
    }

    [Fact]
    public void Jacobian_penalty_under_no_grad_is_detached_and_with_grad_trains_the_weights()
    {
        manual_seed(8);
        using var model = new DeepContractiveTestModel();
        using var data = Images(8, seed: 17);

        using (no_grad())
        {
            using var detached = model.JacobianNormSquared(data);
            detached.requires_grad.ShouldBeFalse();
        }

        using var penalty = model.JacobianNormSquared(data).mean();
        penalty.backward();
        // A gradient that exists but is all zero would train nothing.
        using var gradient = model.parameters().First().grad;
        gradient.ShouldNotBeNull();
        gradient.abs().sum().item<float>().ShouldBeGreaterThan(0f);
    }

    /// <summary>Σ over input and code coordinates of the central-difference Jacobian, squared, for one sample.</summary>
    private static double FiniteDifferenceNorm(Func<Tensor, Tensor> encode, Tensor sample)
    {
        using var noGrad = no_grad();
        const double h = 1e-5;
        double total = 0;
        for (long i = 0; i < sample.shape[0]; i++)
        {
            using var up = sample.clone().unsqueeze(0);
            using var down = sample.clone().unsqueeze(0);
            up[0, i] += h;
            down[0, i] -= h;
            using var column = (encode(up) - encode(down)) / (2 * h);
            total += column.square().sum().item<double>();
        }

        return total;
    }

    /// <summary>Each term of the objective over the whole set, in eval mode without gradients.</summary>
    private static System.Collections.Generic.Dictionary<string, double> Terms(nn.Module model, Func<Tensor, BatchObjective> objective, Tensor data)
    {
        model.eval();
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var result = objective(data).Terms.ToDictionary(t => t.Name, t => t.Value.item<float>() * 1.0);
        model.train();
        return result;
    }

    private static Tensor NoGrad(Func<Tensor> compute)
    {
        using var noGrad = no_grad();
        return compute();
    }

    /// <summary>
    /// n images of 64 pixels in [0, 1]: each the clipped sum of a random subset of six stroke patterns, so they have
    /// structure a small code can capture and noise cannot.
    /// </summary>
    private static Tensor Images(int n, long seed)
    {
        using var generator = new Generator((ulong)seed);
        using var strokes = rand(new long[] { 6, 64 }, generator: generator).gt(0.75).to_type(ScalarType.Float32);
        using var chosen = rand(new long[] { n, 6 }, generator: generator).gt(0.5).to_type(ScalarType.Float32);
        return chosen.matmul(strokes).clamp(0, 1);
    }
}
