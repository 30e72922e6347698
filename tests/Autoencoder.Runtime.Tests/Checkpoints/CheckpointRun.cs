using System;
using System.Collections.Generic;
using System.Threading;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Checkpoints;

/// <summary>
/// One training process in miniature: a fresh model and optimizer built from the same seed (as a restarted program
/// would build them), trained with checkpoints in a given directory. Dropout is on so the RNG state matters.
/// With terms, the objective is <see cref="LossTermsTests.ReconstructionAndPenalty"/>, so the partial epoch's term sums
/// must survive a checkpoint too.
/// </summary>
internal sealed class CheckpointRun : IDisposable
{
    public const int Samples = 40;
    public const int BatchSize = 8; // 5 steps per epoch

    private readonly Tensor _train = SyntheticImages.Create(Samples, seed: 3);
    private readonly Tensor _validation = SyntheticImages.Create(16, seed: 4);

    private readonly bool _withTerms;

    public CheckpointRun(string directory, Action<TrainingOptions>? configure = null, string? fingerprint = "tiny-64-8", bool withTerms = false)
    {
        _withTerms = withTerms;
        Model = TinyAutoencoder.Create(SyntheticImages.Pixels, 8, initSeed: 11, dropoutRate: 0.2);
        Optimizer = new Adam(Model.parameters(), 0.01);
        Options = new TrainingOptions
        {
            Epochs = 4,
            BatchSize = BatchSize,
            Seed = 5,
            Checkpoints = new CheckpointOptions { Directory = directory, KeepLast = 3 },
            Schedule = new CosineSchedule(1e-4),
            GradientClipNorm = 5,
            ModelFingerprint = fingerprint,
        };
        configure?.Invoke(Options);
    }

    public TinyAutoencoder Model { get; }

    public Optimizer Optimizer { get; }

    public TrainingOptions Options { get; }

    public TrainingReport Fit(CancellationToken token = default) =>
        _withTerms
            ? TrainingLoop.Fit(Model, Optimizer, b => LossTermsTests.ReconstructionAndPenalty(Model, b), _train, _validation, Options, token)
            : TrainingLoop.Fit(Model, Optimizer, Model.MseLoss, _train, _validation, Options, token);

    /// <summary>Copies of every parameter and buffer, by name.</summary>
    public Dictionary<string, float[]> Weights()
    {
        var copy = new Dictionary<string, float[]>();
        foreach (var (name, value) in Model.state_dict())
            copy[name] = value.data<float>().ToArray();
        return copy;
    }

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        _train.Dispose();
        _validation.Dispose();
    }
}
