using System;
using System.Linq;
using Autoencoder.Runtime.Generative;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A generated β-VAE trains (its negative ELBO falls, with both terms reported), its closed-form KL and reparameterisation
/// agree with Monte-Carlo estimates, and sampling and interpolation have the documented shapes and are reproducible.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedVariationalTests
{
    /// <summary>8×8 images of one horizontal and one vertical bar at random places: two latent factors.</summary>
    private static Tensor Bars(int count, int seed)
    {
        using var generator = new Generator((ulong)seed);
        var rows = randint(0, 8, new long[] { count }, generator: generator);
        var columns = randint(0, 8, new long[] { count }, generator: generator);
        var horizontal = nn.functional.one_hot(rows, 8).to_type(ScalarType.Float32).reshape(count, 1, 8, 1).expand(count, 1, 8, 8);
        var vertical = nn.functional.one_hot(columns, 8).to_type(ScalarType.Float32).reshape(count, 1, 1, 8).expand(count, 1, 8, 8);
        return maximum(horizontal, vertical).mul(0.9).add(0.05);
    }

    [Fact]
    public void Training_lowers_the_negative_elbo_and_reports_both_terms()
    {
        using var train = Bars(512, seed: 1);
        using var test = ImageBinarized(Bars(256, seed: 2));
        var trainer = BarsVae.Trainer.Create();
        var before = trainer.EvaluateLoss(test);

        var report = trainer.Fit(train);

        var after = trainer.EvaluateLoss(test);
        report.Epochs.Count.ShouldBe(12);
        after.ShouldBeLessThan(before - 5, $"negative ELBO {before:F2} -> {after:F2} nats");
        report.Epochs[^1].TrainLoss.ShouldBeLessThan(report.Epochs[0].TrainLoss);

        trainer.Model.eval();
        using var scope = NewDisposeScope();
        manual_seed(3);
        var objective = trainer.Model.TrainingObjective(test);
        objective.Terms.Select(t => t.Name).ShouldBe(new[] { "reconstruction", "kl" });
        var reconstruction = objective.Terms[0].Value.item<float>();
        var kl = objective.Terms[1].Value.item<float>();
        kl.ShouldBeGreaterThan(0f);
        objective.Loss.item<float>().ShouldBe(reconstruction + (float)(BarsVae.KlWeight * kl), 1e-3f);

        // The IWAE bound with k samples is at least as tight as the ELBO (up to Monte-Carlo noise).
        using var generator = new Generator(11);
        var nll = trainer.EvaluateNll(test, samples: 50, generator: generator);
        nll.MeanNll.ShouldBeLessThan(after + 0.5);
        nll.MeanNll.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Closed_form_kl_and_reparameterisation_match_monte_carlo()
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator(7);
        var mean = tensor(new float[] { 0.5f, -1.0f, 0.0f, 2.0f }).reshape(1, 4);
        var logVariance = tensor(new float[] { 0.0f, -1.0f, 1.0f, -2.0f }).reshape(1, 4);
        const int draws = 200_000;
        var code = new GaussianCode(mean.expand(draws, 4), logVariance.expand(draws, 4));

        var z = BarsVae.Reparameterize(code, generator);   // [draws, 4]

        var sigma = logVariance.mul(0.5).exp();
        (z.mean(new long[] { 0 }) - mean.squeeze(0)).abs().max().item<float>().ShouldBeLessThan(0.02f);
        (z.std(0) - sigma.squeeze(0)).abs().max().item<float>().ShouldBeLessThan(0.02f);

        // KL = E_q[log q(z) − log p(z)]; the normalising constants cancel.
        var logQ = ((z - mean) / sigma).square().add(logVariance).mul(-0.5).sum(1);
        var logP = z.square().mul(-0.5).sum(1);
        var monteCarlo = (logQ - logP).mean().item<float>();
        var closedForm = BarsVae.KlDivergence(new GaussianCode(mean, logVariance)).item<float>();
        closedForm.ShouldBe(monteCarlo, 0.03f);
        var byHand = 0.5 * Enumerable.Range(0, 4).Sum(i =>
        {
            double m = mean[0, i].item<float>(), lv = logVariance[0, i].item<float>();
            return (m * m) + Math.Exp(lv) - 1 - lv;
        });
        closedForm.ShouldBe((float)byHand, 1e-5f);
    }

    [Fact]
    public void Sample_and_interpolate_have_the_documented_shapes_and_repeat_with_a_seeded_generator()
    {
        manual_seed(1);
        using var model = new BarsVae();
        model.eval();
        using var images = Bars(2, seed: 4);
        using var others = Bars(2, seed: 5);

        using var first = model.Sample(5, new Generator(9));
        using var second = model.Sample(5, new Generator(9));
        first.shape.ShouldBe(new long[] { 5, 1, 8, 8 });
        first.allclose(second, rtol: 0, atol: 0).ShouldBeTrue();
        first.min().item<float>().ShouldBeGreaterThanOrEqualTo(0f);
        first.max().item<float>().ShouldBeLessThanOrEqualTo(1f);

        using var path = model.Interpolate(images, others, steps: 4);
        path.shape.ShouldBe(new long[] { 2, 4, 1, 8, 8 });
        using var start = model.Reconstruct(images);
        using var end = model.Reconstruct(others);
        path.select(1, 0).allclose(start, rtol: 1e-5, atol: 1e-6).ShouldBeTrue("the path starts at the decoded mean of a");
        path.select(1, 3).allclose(end, rtol: 1e-5, atol: 1e-6).ShouldBeTrue("and ends at that of b");
        Should.Throw<ArgumentOutOfRangeException>(() => model.Interpolate(images, others, steps: 1));
    }

    [Fact]
    public void Forward_samples_in_training_and_decodes_the_mean_in_evaluation()
    {
        manual_seed(2);
        using var model = new BarsVae();
        using var images = Bars(3, seed: 6);

        model.eval();
        using var a = model.forward(images);
        using var b = model.forward(images);
        a.allclose(b, rtol: 0, atol: 0).ShouldBeTrue();

        model.train();
        using var c = model.forward(images);
        c.allclose(a, rtol: 0, atol: 0).ShouldBeFalse();
    }

    [Fact]
    public void Yaml_twin_has_the_same_architecture_and_settings()
    {
        BarsYamlVae.Fingerprint.ShouldBe(BarsVae.Fingerprint);
        BarsYamlVae.ParameterCount.ShouldBe(BarsVae.ParameterCount);
        BarsYamlVae.CodeShape.ShouldBe(new long[] { 2 });
        BarsYamlVae.KlWeight.ShouldBe(1.5);
    }

    private static Tensor ImageBinarized(Tensor images)
    {
        using var generator = new Generator(123);
        return Corruption.ImageCorruption.Binarize(images, generator);
    }
}
