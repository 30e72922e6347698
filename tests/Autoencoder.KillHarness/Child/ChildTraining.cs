using System;
using Autoencoder.Runtime.Training;

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
        if (size.ImageFolder is { } folder)
            return PhotoTraining.Run(directory, size, folder);

        using var train = SyntheticDigits.Create(size.Samples, DataSeed);
        using var validation = SyntheticDigits.Create(512, DataSeed + 1);

        // As a user's program would: the generated trainer, with checkpoints in the options.
        var trainer = HarnessAutoencoder.Trainer.Create(new HarnessAutoencoder.TrainingOptions
        {
            Epochs = size.Epochs,
            Threads = 1, // results are bit-identical only for the same thread count, and the machine is shared
            Observer = new ProtocolObserver(),
            Checkpoints = new CheckpointOptions { Directory = directory, EverySteps = size.EverySteps, KeepLast = 3 },
        });
        using var model = trainer.Model;

        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Training, DateTime.UtcNow.ToString("O")));
        trainer.Fit(train, validation);
        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Final, WeightDigest.Of(model)));
        return 0;
    }
}
