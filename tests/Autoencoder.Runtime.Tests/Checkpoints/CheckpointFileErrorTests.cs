using System;
using System.IO;
using Autoencoder.Runtime.Tests.Shared;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Checkpoints;

/// <summary>A truncated, corrupt or foreign checkpoint is refused with a message that says what is wrong, and loads nothing.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class CheckpointFileErrorTests : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly string _checkpoint;

    public CheckpointFileErrorTests()
    {
        using var run = new CheckpointRun(_directory.Path, o => o.Epochs = 1);
        run.Fit();
        _checkpoint = CheckpointDirectory.FindLatest(_directory.Path)!;
    }

    public void Dispose() => _directory.Dispose();

    /// <summary>Resuming from the damaged newest checkpoint fails, and the fresh model keeps its initial weights.</summary>
    private Exception ResumeFails()
    {
        using var run = new CheckpointRun(_directory.Path, o => o.Epochs = 2);
        var before = run.Weights();
        var error = Should.Throw<Exception>(() => run.Fit());
        var after = run.Weights();
        foreach (var (name, values) in before)
            after[name].ShouldBe(values, $"{name} changed although loading failed");
        return error;
    }

    [Fact]
    public void A_truncated_checkpoint_says_the_write_did_not_finish()
    {
        var bytes = File.ReadAllBytes(_checkpoint);
        File.WriteAllBytes(_checkpoint, bytes.AsSpan(0, bytes.Length / 2).ToArray());

        var error = ResumeFails().ShouldBeOfType<InvalidDataException>();

        error.Message.ShouldStartWith($"Checkpoint '{_checkpoint}' cannot be used: it is truncated: the end marker is missing");
        error.Message.ShouldEndWith("Nothing was loaded.");
    }

    [Fact]
    public void A_flipped_byte_is_caught_by_the_digest()
    {
        var bytes = File.ReadAllBytes(_checkpoint);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(_checkpoint, bytes);

        ResumeFails().ShouldBeOfType<InvalidDataException>()
            .Message.ShouldContain("it is corrupt: its SHA-256 does not match its contents");
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_says_so()
    {
        File.WriteAllText(_checkpoint, "{\"epoch\": 3}");

        ResumeFails().ShouldBeOfType<InvalidDataException>()
            .Message.ShouldContain("it does not start with the checkpoint magic number");
    }

    [Fact]
    public void A_checkpoint_of_another_architecture_is_refused_by_fingerprint()
    {
        using var run = new CheckpointRun(_directory.Path, fingerprint: "other-architecture");
        var error = Should.Throw<InvalidOperationException>(() => run.Fit());

        error.Message.ShouldBe($"Checkpoint '{_checkpoint}' does not belong to this run: it was written for a model with " +
                               "architecture fingerprint tiny-64-8, and this model's is other-architecture (its layers or shapes differ). Nothing was loaded.");
    }

    [Fact]
    public void Without_fingerprints_a_shape_mismatch_names_the_parameter_and_both_shapes()
    {
        using var other = nn.Sequential(("encoder", nn.Linear(SyntheticImages.Pixels, 4)), ("decoder", nn.Linear(4, SyntheticImages.Pixels)));
        using var before = other.state_dict()["encoder.weight"].clone();

        var error = Should.Throw<InvalidOperationException>(() => Checkpoint.LoadWeights(other, _checkpoint));

        error.Message.ShouldBe($"Checkpoint '{_checkpoint}' does not match the module: parameter 'encoder.weight' is [8, 64] Float32 in the file but [4, 64] Float32 in the module. Nothing was loaded.");
        other.state_dict()["encoder.weight"].allclose(before, rtol: 0, atol: 0).ShouldBeTrue();
    }

    [Fact]
    public void A_different_batch_size_cannot_continue_exactly_and_says_so()
    {
        using var run = new CheckpointRun(_directory.Path, o => { o.Epochs = 2; o.BatchSize = 4; });

        var error = Should.Throw<InvalidOperationException>(() => run.Fit());

        error.Message.ShouldContain("its batch size is 8 and this run's is 4, so it cannot continue exactly");
        error.Message.ShouldContain("use another CheckpointOptions.Directory to start a new run");
    }

    [Fact]
    public void A_different_optimizer_is_refused_before_anything_is_loaded()
    {
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 11, dropoutRate: 0.2);
        using var sgd = new Sgd(model.parameters(), 0.1);
        using var inputs = SyntheticImages.Create(CheckpointRun.Samples, seed: 3);
        var options = new TrainingOptions
        {
            Epochs = 2, BatchSize = CheckpointRun.BatchSize, Seed = 5,
            Checkpoints = new CheckpointOptions { Directory = _directory.Path },
        };

        var error = Should.Throw<InvalidOperationException>(() => TrainingLoop.Fit(model, sgd, model.MseLoss, inputs, null, options));

        error.Message.ShouldContain("it holds Adam optimizer state, and this trainer uses SGD");
    }

    [Fact]
    public void Inspect_reads_the_run_without_a_model()
    {
        var info = Checkpoint.Inspect(_checkpoint);

        (info.CompletedEpochs, info.StepsIntoEpoch, info.ModelFingerprint, info.StoppedEarly).ShouldBe((1, 0L, "tiny-64-8", false));
        info.History.Count.ShouldBe(1);
    }

    [Fact]
    public void LoadWeights_puts_the_checkpointed_weights_into_a_model_for_inference()
    {
        using var trained = new CheckpointRun(_directory.Path, o => o.Epochs = 1);
        trained.Fit(); // finished: resumes to the checkpoint's weights without training
        using var fresh = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 99);

        Checkpoint.LoadWeights(fresh, _checkpoint, "tiny-64-8");

        foreach (var (name, value) in trained.Model.state_dict())
            fresh.state_dict()[name].allclose(value, rtol: 0, atol: 0).ShouldBeTrue(name);
    }
}
