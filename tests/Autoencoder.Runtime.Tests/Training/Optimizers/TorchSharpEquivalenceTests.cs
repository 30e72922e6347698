using System;
using System.IO;
using System.Text;
using Autoencoder.Runtime.Training.Optimizers;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training.Optimizers;

/// <summary>
/// The runtime's optimizers follow TorchSharp's (PyTorch 1.13's) update rules operation for operation: after hundreds of
/// steps on identical models and batches the weights are equal in every bit, and the saved state is the same bytes, so
/// checkpoints written with TorchSharp's optimizers resume with these.
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class TorchSharpEquivalenceTests
{
    private const int Steps = 300;

    public static TheoryData<string> Kinds => ["Adam", "Adam with L2 decay", "AdamW", "SGD", "SGD with momentum and decay", "SGD with Nesterov momentum"];

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Weights_after_hundreds_of_steps_equal_TorchSharps_in_every_bit(string kind)
    {
        using var twin = Twin(kind);

        twin.Train(Steps);

        twin.DifferingParameters().ShouldBeEmpty();
        // And the model did learn.
        using var data = SyntheticImages.Create(96, seed: 21);
        using var untrained = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 31);
        using var before = untrained.MseLoss(data);
        using var after = twin.OurModel.MseLoss(data);
        after.item<float>().ShouldBeLessThan(before.item<float>() * 0.8f);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Saved_state_is_byte_for_byte_TorchSharps(string kind)
    {
        using var twin = Twin(kind);

        twin.OurState().ShouldBe(twin.TheirState(), "before any step");
        twin.Train(7);

        twin.OurState().ShouldBe(twin.TheirState(), "after seven steps");
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void State_saved_by_TorchSharp_continues_the_same_run(string kind)
    {
        using var twin = Twin(kind);
        twin.Train(40);
        var state = twin.TheirState();
        using var resumedModel = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 31);
        using (no_grad())
        {
            foreach (var ((_, from), (_, to)) in System.Linq.Enumerable.Zip(twin.TheirModel.named_parameters(), resumedModel.named_parameters()))
                to.copy_(from);
        }
        using var resumed = Ours(kind, resumedModel.parameters());

        using (var reader = new BinaryReader(new MemoryStream(state), Encoding.UTF8))
            resumed.LoadState(reader, "TorchSharp's state");

        TorchSharpTwin.Bytes(resumed.SaveState).ShouldBe(state);
    }

    private static TorchSharpTwin Twin(string kind) => new(p => Theirs(kind, p), p => Ours(kind, p));

    private static optim.Optimizer Theirs(string kind, System.Collections.Generic.IEnumerable<TorchSharp.Modules.Parameter> p) => kind switch
    {
        "Adam" => optim.Adam(p, lr: 0.01),
        "Adam with L2 decay" => optim.Adam(p, lr: 0.01, beta1: 0.8, beta2: 0.99, weight_decay: 1e-3),
        "AdamW" => optim.AdamW(p, lr: 0.01, weight_decay: 0.05),
        "SGD" => optim.SGD(p, 0.5),
        "SGD with momentum and decay" => optim.SGD(p, 0.2, momentum: 0.9, dampening: 0.1, weight_decay: 1e-3),
        "SGD with Nesterov momentum" => optim.SGD(p, 0.2, momentum: 0.9, nesterov: true),
        _ => throw new ArgumentException(kind),
    };

    private static Optimizer Ours(string kind, System.Collections.Generic.IEnumerable<TorchSharp.Modules.Parameter> p) => kind switch
    {
        "Adam" => new Adam(p, learningRate: 0.01),
        "Adam with L2 decay" => new Adam(p, learningRate: 0.01, beta1: 0.8, beta2: 0.99, weightDecay: 1e-3),
        "AdamW" => new AdamW(p, learningRate: 0.01, weightDecay: 0.05),
        "SGD" => new Sgd(p, 0.5),
        "SGD with momentum and decay" => new Sgd(p, 0.2, momentum: 0.9, dampening: 0.1, weightDecay: 1e-3),
        "SGD with Nesterov momentum" => new Sgd(p, 0.2, momentum: 0.9, nesterov: true),
        _ => throw new ArgumentException(kind),
    };
}
