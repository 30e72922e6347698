using System;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Training;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// Child mode with --image-folder: one training process that streams random patches from the parent's image folder
/// through the generated trainer, checkpointing in the given directory, and prints the digest of its final weights.
/// The decode threads are the parent's choice per child, so a run resumed on another number of threads must still end
/// with the reference weights.
/// </summary>
internal static class PhotoTraining
{
    /// <summary>The declared batch size, which every child trains with.</summary>
    public static int BatchSize { get; } = new HarnessPhotoAutoencoder.TrainingOptions().BatchSize;

    public static int Run(string directory, TrainingSize size, string folder)
    {
        var trainer = HarnessPhotoAutoencoder.Trainer.Create(new HarnessPhotoAutoencoder.TrainingOptions
        {
            Epochs = size.Epochs,
            Threads = 1, // results are bit-identical only for the same torch thread count, and the machine is shared
            BadImages = BadImagePolicy.Skip,
            Observer = new ProtocolObserver(),
            Checkpoints = new CheckpointOptions { Directory = directory, EverySteps = size.EverySteps, KeepLast = 3 },
        });
        using var model = trainer.Model;
        var train = new ImageFolderData(folder, trainer.ImageFolder(folder).Options with { DecodeThreads = size.DecodeThreads });
        var validation = new ImageFolderData(folder, trainer.ImageFolder(folder, ImageCrop.Centre).Options with { DecodeThreads = size.DecodeThreads });

        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Training, DateTime.UtcNow.ToString("O")));
        var report = trainer.Fit(train, validation);
        if (report.Epochs.Count > 0 && report.Epochs[^1].SkippedSamples != 1)
            throw new InvalidDataException($"The damaged file in {folder} should be skipped once an epoch; the last epoch skipped {report.Epochs[^1].SkippedSamples}.");
        Console.WriteLine(ChildProtocol.Line(ChildProtocol.Final, WeightDigest.Of(model)));
        return 0;
    }
}
