using System.Collections.Generic;
using System.Linq;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using TorchSharp;
using TorchSharp.Modules;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Generated VQ-VAEs run by TorchSharp: they learn, report their codebook, keep EMA state to training, revive dead codes and resume exactly.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedVqModelTests
{
    private static Tensor Images(int count, ulong seed) => SyntheticImages.Create(count, seed).reshape(count, 1, 8, 8);

    private static Dictionary<string, double> Terms(BatchObjective objective)
        => objective.Terms.ToDictionary(t => t.Name, t => (double)t.Value.item<float>());

    [Fact]
    public void Ema_model_learns_and_reports_perplexity_and_usage()
    {
        using var train = Images(256, seed: 1);
        var trainer = TinyEmaVqVae.Trainer.Create();
        var model = trainer.Model;
        Dictionary<string, double> before;
        model.eval();
        using (no_grad())
        {
            before = Terms(model.TrainingObjective(train));
        }

        var report = trainer.Fit(train);

        model.eval();
        Dictionary<string, double> after;
        using (no_grad())
        {
            after = Terms(model.TrainingObjective(train));
        }

        after.Keys.ShouldBe(new[] { "reconstruction", "commitment", "perplexity", "usage" });
        after["reconstruction"].ShouldBeLessThan(before["reconstruction"] * 0.5);
        after["perplexity"].ShouldBeGreaterThan(2.0);
        after["usage"].ShouldBeGreaterThan(1.0 / TinyEmaVqVae.CodebookSize);
        report.Epochs.Last().TrainLoss.ShouldBeLessThan(report.Epochs.First().TrainLoss);
        using var indices = model.EncodeIndices(train[..5]);
        indices.shape.ShouldBe(new long[] { 5, 4, 4 });
        TinyEmaVqVae.IndexShape.ShouldBe(new long[] { 4, 4 });
        using var decoded = model.DecodeIndices(indices);
        using var reconstructed = model.Reconstruct(train[..5]);
        decoded.allclose(reconstructed).ShouldBeTrue();
    }

    [Fact]
    public void Gradient_model_learns_with_a_codebook_term_and_trains_its_codebook()
    {
        using var train = SyntheticImages.Create(256, seed: 2);
        var trainer = TinyGradientVqVae.Trainer.Create();
        var model = trainer.Model;
        model.parameters().Sum(p => p.numel()).ShouldBe(TinyGradientVqVae.ParameterCount);
        using var codebookBefore = model.get_parameter("codebook")!.detach().clone();
        var before = trainer.EvaluateLoss(train);

        trainer.Fit(train);

        trainer.EvaluateLoss(train).ShouldBeLessThan(before * 0.7);
        Same(model.get_parameter("codebook")!, codebookBefore).ShouldBeFalse();
        model.eval();
        using (no_grad())
        {
            var terms = Terms(model.TrainingObjective(train));
            terms.Keys.ShouldBe(new[] { "reconstruction", "codebook", "commitment", "perplexity", "usage" });
            terms["perplexity"].ShouldBeGreaterThan(1.0);
        }
    }

    [Fact]
    public void Ema_buffers_change_in_training_mode_only()
    {
        manual_seed(3);
        using var model = new TinyEmaVqVae();
        using var batch = Images(64, seed: 3);
        var names = new[] { "codebook", "codebook_cluster_size", "codebook_embedding_sum" };
        model.named_buffers().Select(b => b.name).ShouldBe(names, ignoreOrder: true);
        model.state_dict().Keys.ShouldContain("codebook_embedding_sum");
        var initial = Snapshot(model, names);

        model.eval();
        using (no_grad())
        {
            model.forward(batch).Dispose();
            model.TrainingObjective(batch);
        }

        foreach (var name in names)
        {
            Same(model.get_buffer(name)!, initial[name]).ShouldBeTrue(name + " changed in evaluation mode");
        }

        model.train();
        model.forward(batch).Dispose();
        foreach (var name in names)
        {
            Same(model.get_buffer(name)!, initial[name]).ShouldBeFalse(name + " did not change in training mode");
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Dead_codes_are_reset_to_encoder_outputs(bool ema)
    {
        manual_seed(4);
        using var batch = Images(64, seed: 4);
        using Module<Tensor, Tensor> model = ema ? new TinyEmaVqVae() : new GradientAsImages();
        var codebook = ema ? model.get_buffer("codebook")! : model.get_parameter("codebook")!;

        // Every code but the first far from any encoder output: the first takes every vector, the rest are dead.
        using (no_grad())
        {
            codebook.fill_(100);
            codebook[0].zero_();
        }

        model.eval();
        UsedCodes(model, batch, ema).ShouldBe(1);

        model.train();
        model.forward(batch).Dispose();

        using (no_grad())
        {
            codebook.abs().max().item<float>().ShouldBeLessThan(100);
        }

        model.eval();
        UsedCodes(model, batch, ema).ShouldBeGreaterThan(4);
    }

    [Fact]
    public void Moving_the_model_moves_the_codebook_buffers_with_it()
    {
        using var model = new TinyEmaVqVae();
        model.to(ScalarType.Float64);
        using var batch = Images(8, seed: 5).to(ScalarType.Float64);

        model.train();
        using var output = model.forward(batch);

        output.dtype.ShouldBe(ScalarType.Float64);
        model.get_buffer("codebook_cluster_size")!.dtype.ShouldBe(ScalarType.Float64);
    }

    [Fact]
    public void Resumed_run_ends_with_the_same_codebook_and_weights_as_an_uninterrupted_one()
    {
        using var train = Images(128, seed: 6);
        using var expectedDirectory = new TempDirectory();
        var expected = TinyEmaVqVae.Trainer.Create(new TinyEmaVqVae.TrainingOptions
        {
            Epochs = 3, Checkpoints = new CheckpointOptions { Directory = expectedDirectory.Path },
        });
        expected.Fit(train);

        using var directory = new TempDirectory();
        TinyEmaVqVae.Trainer.Create(new TinyEmaVqVae.TrainingOptions
        {
            Epochs = 1, Checkpoints = new CheckpointOptions { Directory = directory.Path },
        }).Fit(train);
        var resumed = TinyEmaVqVae.Trainer.Create(new TinyEmaVqVae.TrainingOptions
        {
            Epochs = 3, Checkpoints = new CheckpointOptions { Directory = directory.Path },
        });
        resumed.Fit(train).ResumedFrom.ShouldNotBeNull();

        var actual = resumed.Model.state_dict();
        foreach (var (name, value) in expected.Model.state_dict())
        {
            Same(actual[name], value).ShouldBeTrue(name + " differs after resuming");
        }
    }

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static Dictionary<string, Tensor> Snapshot(Module<Tensor, Tensor> model, IEnumerable<string> names)
        => names.ToDictionary(n => n, n => model.get_buffer(n)!.clone());

    private static long UsedCodes(Module<Tensor, Tensor> model, Tensor batch, bool ema)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var indices = ema ? ((TinyEmaVqVae)model).EncodeIndices(batch) : ((GradientAsImages)model).EncodeIndices(batch);
        return indices.unique().output.numel();
    }

    /// <summary>The dense gradient model fed the same [B, 1, 8, 8] images, flattened.</summary>
    private sealed class GradientAsImages : Module<Tensor, Tensor>
    {
        private readonly TinyGradientVqVae _inner = new();

        public GradientAsImages() : base(nameof(GradientAsImages)) => register_module("inner", _inner);

        public override Tensor forward(Tensor input) => _inner.forward(input.flatten(1));

        public Tensor EncodeIndices(Tensor input) => _inner.EncodeIndices(input.flatten(1));

        public override Parameter? get_parameter(string target) => _inner.get_parameter(target);
    }
}
