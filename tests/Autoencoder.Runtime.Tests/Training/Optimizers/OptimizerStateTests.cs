using System;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training.Optimizers;

/// <summary>Saved optimizer state that does not fit is refused with a message naming why, and changes nothing.</summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class OptimizerStateTests
{
    [Fact]
    public void A_restored_state_continues_exactly_as_the_uninterrupted_optimizer()
    {
        using var data = SyntheticImages.Create(64, seed: 4);
        using var straight = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 5);
        using var straightAdam = new AdamW(straight.parameters(), 0.01, 0.1);
        Steps(straight, straightAdam, data, 10);
        var state = TorchSharpTwin.Bytes(straightAdam.SaveState);
        var weights = straight.parameters().Select(p => p.detach().clone()).ToArray();
        Steps(straight, straightAdam, data, 10);

        using var resumed = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 99);
        using (no_grad())
        {
            foreach (var (target, source) in resumed.parameters().Zip(weights))
                target.copy_(source);
        }
        foreach (var weight in weights)
            weight.Dispose();
        using var resumedAdam = new AdamW(resumed.parameters(), 0.01, 0.1);
        using (var reader = new BinaryReader(new MemoryStream(state), Encoding.UTF8))
            resumedAdam.LoadState(reader, "the saved state");
        Steps(resumed, resumedAdam, data, 10);

        foreach (var (a, b) in straight.parameters().Zip(resumed.parameters()))
            a.bytes.ToArray().ShouldBe(b.bytes.ToArray());
        resumedAdam.StepsOf(0).ShouldBe(20);
    }

    [Fact]
    public void State_of_another_optimizer_kind_is_refused_by_name()
    {
        var error = Refused(new Sgd(Model().parameters(), 0.1), new Adam(Model().parameters()));

        error.Message.ShouldBe("the state cannot be restored: it holds SGD optimizer state, and this optimizer is Adam. The optimizer was left as it was.");
    }

    [Fact]
    public void State_saved_with_other_settings_is_refused_naming_the_setting()
    {
        Refused(new Adam(Model().parameters(), beta1: 0.8), new Adam(Model().parameters()))
            .Message.ShouldContain("parameter group 0 was saved with beta1 = 0.8, and this optimizer has 0.9");
        Refused(new Sgd(Model().parameters(), 0.1, momentum: 0.9), new Sgd(Model().parameters(), 0.1, momentum: 0.5))
            .Message.ShouldContain("momentum = 0.9, and this optimizer has 0.5");
        Refused(new AdamW(Model().parameters(), 0.01, 0.01), new AdamW(Model().parameters(), 0.01, 0.02))
            .Message.ShouldContain("weight_decay = 0.01, and this optimizer has 0.02");
    }

    [Fact]
    public void State_for_other_parameters_is_refused_before_anything_changes()
    {
        using var small = TinyAutoencoder.Create(SyntheticImages.Pixels, 4, initSeed: 1);
        using var large = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 1);
        using var data = SyntheticImages.Create(32, seed: 2);
        using var target = new Adam(large.parameters(), learningRate: 0.01);
        Steps(large, target, data, 3);
        var before = TorchSharpTwin.Bytes(target.SaveState);

        var error = Refused(new Adam(small.parameters(), learningRate: 0.01), target, dispose: false);

        error.Message.ShouldContain("parameter 0's first moment is Float32 [4, 64], and its parameter is Float32 [8, 64]");
        TorchSharpTwin.Bytes(target.SaveState).ShouldBe(before);
    }

    [Fact]
    public void Truncated_state_and_trailing_bytes_are_refused()
    {
        using var model = Model();
        using var saved = new Adam(model.parameters());
        var state = TorchSharpTwin.Bytes(saved.SaveState);

        for (int length = 0; length < state.Length; length += 37)
        {
            using var target = new Adam(model.parameters());
            var error = Should.Throw<InvalidDataException>(() => Load(target, state[..length]));
            error.Message.ShouldContain("the state cannot be restored: ", customMessage: $"length {length}");
        }
        using var longer = new Adam(model.parameters());
        Should.Throw<InvalidDataException>(() => Load(longer, [.. state, 0])).Message.ShouldContain("bytes after the last parameter's state");
    }

    [Fact]
    public void Parameter_groups_each_train_at_their_own_rate()
    {
        using var model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 3);
        using var data = SyntheticImages.Create(32, seed: 2);
        var parameters = model.named_parameters().ToArray();
        var frozen = parameters.Where(p => p.name.StartsWith("encoder", StringComparison.Ordinal)).Select(p => p.parameter).ToArray();
        var trained = parameters.Where(p => !p.name.StartsWith("encoder", StringComparison.Ordinal)).Select(p => p.parameter).ToArray();
        using var frozenBefore = frozen[0].detach().clone();
        using var trainedBefore = trained[0].detach().clone();
        using var optimizer = new Sgd([new ParameterGroup(frozen, 0), new ParameterGroup(trained, 0.5)], momentum: 0.9);

        Steps(model, optimizer, data, 5);

        frozen[0].bytes.ToArray().ShouldBe(frozenBefore.bytes.ToArray());
        trained[0].bytes.ToArray().ShouldNotBe(trainedBefore.bytes.ToArray());
        optimizer.Groups.Select(g => g.LearningRate).ShouldBe([0, 0.5]);
    }

    [Fact]
    public void A_parameter_in_two_groups_and_impossible_settings_are_refused()
    {
        using var model = Model();
        var all = model.parameters().ToArray();
        Should.Throw<ArgumentException>(() => new Adam([new ParameterGroup(all, 0.1), new ParameterGroup(all[..1], 0.1)]))
            .Message.ShouldContain("appears twice");
        Should.Throw<ArgumentOutOfRangeException>(() => new Adam(all, beta1: 1.0)).Message.ShouldContain("beta1");
        Should.Throw<ArgumentOutOfRangeException>(() => new Sgd(all, double.NaN)).Message.ShouldContain("learningRate");
        Should.Throw<ArgumentException>(() => new Sgd(all, 0.1, nesterov: true)).Message.ShouldContain("Nesterov momentum needs a positive momentum");
    }

    private static TinyAutoencoder Model() => TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 1);

    private static void Steps(TinyAutoencoder model, Optimizer optimizer, Tensor data, int count)
    {
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.ZeroGrad();
            model.MseLoss(data).backward();
            optimizer.Step();
        }
    }

    /// <summary>Loads <paramref name="source"/>'s state into <paramref name="target"/>, which must refuse it and stay as it was.</summary>
    private static InvalidDataException Refused(Optimizer source, Optimizer target, bool dispose = true)
    {
        try
        {
            var state = TorchSharpTwin.Bytes(source.SaveState);
            var before = TorchSharpTwin.Bytes(target.SaveState);
            var error = Should.Throw<InvalidDataException>(() => Load(target, state));
            TorchSharpTwin.Bytes(target.SaveState).ShouldBe(before);
            return error;
        }
        finally
        {
            source.Dispose();
            if (dispose)
                target.Dispose();
        }
    }

    private static void Load(Optimizer target, byte[] state)
    {
        using var reader = new BinaryReader(new MemoryStream(state), Encoding.UTF8);
        target.LoadState(reader, "the state");
    }
}
