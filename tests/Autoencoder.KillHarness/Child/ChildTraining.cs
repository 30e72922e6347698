using System;
using Autoencoder.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// Child mode: one training process, as a user's program would run it, with checkpoints in the given directory.
/// Started again on the same directory after a kill, it resumes from the newest checkpoint; either way it prints
/// the digest of its final weights.
/// </summary>
internal static class ChildTraining
{
    private const long DataSeed = 2024;

    /// <summary>The declared batch size, which every child trains with.</summary>
    public static int BatchSize { get; } = new HarnessAutoencoder.TrainingOptions().BatchSize;

    public static int Run(string directory, TrainingSize size)
    {
        // One thread: results are bit-identical only for the same thread count, and the machine is shared.
        torch.set_num_threads(1);
        var declared = new HarnessAutoencoder.TrainingOptions();
        using var train = SyntheticDigits.Create(size.Samples, DataSeed);
        using var validation = SyntheticDigits.Create(512, DataSeed + 1);

        // As the generated Trainer.Create does: seed, then build the model and the declared optimizer. Fit is called
        // directly until the generated options carry checkpoints and the fingerprint.
        torch.manual_seed(declared.Seed).Dispose();
        using var model = new HarnessAutoencoder();
        using var optimizer = optim.Adam(model.parameters(), lr: declared.LearningRate);
        var options = new TrainingOptions
        {
            Epochs = size.Epochs,
            BatchSize = BatchSize,
            Seed = declared.Seed,
            ModelFingerprint = HarnessFingerprint.Value,
            Observer = new ProtocolObserver(),
            Checkpoints = new CheckpointOptions { Directory = directory, EverySteps = size.EverySteps, KeepLast = 3 },
        };

        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Training, DateTime.UtcNow.ToString("O")));
        TrainingLoop.Fit(model, optimizer, model.TrainingLoss, train, validation, options);
        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Final, WeightDigest.Of(model)));
        return 0;
    }
}
