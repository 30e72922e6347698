using System;
using System.Linq;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Training in bfloat16 (<see cref="TrainingPrecision.BFloat16"/>): each step runs in a bfloat16 copy of the generated model
/// and updates its float32 weights, which learn as float32 training does and resume exactly from checkpoints.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public class GeneratedBFloat16TrainingTests
{
    [Fact]
    public void A_bfloat16_run_learns_as_float32_does_and_keeps_float32_weights()
    {
        using var clean = SyntheticImages.Create(512, seed: 8).reshape(512, 1, 8, 8);
        var single = NoisePredictingDenoiser.Trainer.Create();
        var half = NoisePredictingDenoiser.Trainer.Create(new() { Precision = TrainingPrecision.BFloat16 });

        var singleReport = single.Fit(clean);
        var halfReport = half.Fit(clean);

        halfReport.Epochs.Last().TrainLoss.ShouldBeLessThan(halfReport.Epochs.First().TrainLoss / 2);
        // The same noise and batches: bfloat16's 8-bit mantissa moves the losses, not the course of training.
        halfReport.Epochs.Last().TrainLoss.ShouldBe(singleReport.Epochs.Last().TrainLoss, singleReport.Epochs.Last().TrainLoss * 0.15);
        halfReport.Epochs.First().TrainLoss.ShouldNotBe(singleReport.Epochs.First().TrainLoss, "computed in bfloat16, the losses differ");
        half.Model.parameters().ShouldAllBe(p => p.dtype == ScalarType.Float32);
        half.Model.buffers().Where(b => b.is_floating_point()).ShouldAllBe(b => b.dtype == ScalarType.Float32);
        // The batch-norm statistics came back from the copy: they are no longer the initial ones.
        half.Model.named_buffers().Single(b => b.name.EndsWith("running_var", StringComparison.Ordinal)).buffer
            .sub(ones(16)).abs().max().item<float>().ShouldBeGreaterThan(0.01f);

        using var generator = new Generator(4);
        using var noisy = NoisePredictingDenoiser.Corrupt(clean, generator);
        half.Model.eval();
        using (no_grad())
        {
            using var restored = half.Model.Denoise(noisy);
            ReconstructionMetrics.PsnrPerImage(clean, restored).Average()
                .ShouldBeGreaterThan(ReconstructionMetrics.PsnrPerImage(clean, noisy).Average() + 1);
        }
    }

    [Fact]
    public void A_bfloat16_run_resumed_from_its_checkpoint_ends_with_the_weights_of_one_never_stopped()
    {
        using var clean = SyntheticImages.Create(128, seed: 3).reshape(128, 1, 8, 8);
        using var directory = new TempDirectory();
        var whole = NoisePredictingDenoiser.Trainer.Create(new() { Precision = TrainingPrecision.BFloat16, Epochs = 2 });
        whole.Fit(clean);

        NoisePredictingDenoiser.TrainingOptions Options(long? maxSteps) => new()
        {
            Precision = TrainingPrecision.BFloat16, Epochs = 2, MaxSteps = maxSteps,
            Checkpoints = new CheckpointOptions { Directory = directory.Path, EverySteps = 1 },
        };
        NoisePredictingDenoiser.Trainer.Create(Options(3)).Fit(clean);
        var resumed = NoisePredictingDenoiser.Trainer.Create(Options(null));
        var report = resumed.Fit(clean);

        report.ResumedFrom.ShouldNotBeNull();
        foreach (var ((name, expected), (_, actual)) in whole.Model.named_parameters().Zip(resumed.Model.named_parameters()))
            actual.equal(expected).all().item<bool>().ShouldBeTrue(name);
    }

    [Fact]
    public void A_float32_run_does_not_resume_from_a_bfloat16_checkpoint()
    {
        using var clean = SyntheticImages.Create(64, seed: 3).reshape(64, 1, 8, 8);
        using var directory = new TempDirectory();
        var checkpoints = new CheckpointOptions { Directory = directory.Path };
        NoisePredictingDenoiser.Trainer.Create(new() { Precision = TrainingPrecision.BFloat16, Epochs = 1, Checkpoints = checkpoints }).Fit(clean);
        var single = NoisePredictingDenoiser.Trainer.Create(new() { Epochs = 2, Checkpoints = checkpoints });
        using var before = single.Model.parameters().First().detach().clone();

        var error = Should.Throw<InvalidOperationException>(() => single.Fit(clean));

        error.Message.ShouldContain("its precision is bfloat16 and this run's is float32");
        single.Model.parameters().First().equal(before).all().item<bool>().ShouldBeTrue();
    }

    [Fact]
    public void A_replica_of_another_model_is_refused_before_training()
    {
        using var clean = SyntheticImages.Create(64, seed: 3).reshape(64, 1, 8, 8);
        using var model = new NoisePredictingDenoiser();
        using var optimizer = new Autoencoder.Runtime.Training.Optimizers.Adam(model.parameters(), 1e-3);
        var options = new TrainingOptions
        {
            Epochs = 1, BatchSize = 32,
            LowPrecision = LowPrecisionReplica.For(TrainingPrecision.BFloat16, static () => new PhotoNoisePredictor(), static replica => replica.TrainingLoss),
        };

        var error = Should.Throw<InvalidOperationException>(() => TrainingLoop.Fit(model, optimizer, model.TrainingLoss, clean, null, options));

        error.Message.ShouldContain("the replica was not made from the trained model's class");
    }

    [Fact]
    public void Float32_needs_no_replica()
    {
        LowPrecisionReplica.For(TrainingPrecision.Float32, static () => new NoisePredictingDenoiser(), static replica => replica.TrainingLoss).ShouldBeNull();
        LowPrecisionReplica.For(TrainingPrecision.BFloat16, static () => new NoisePredictingDenoiser(), static replica => replica.TrainingLoss)!
            .Precision.ShouldBe(TrainingPrecision.BFloat16);
    }
}
