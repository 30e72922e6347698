using System;
using System.Collections.Generic;
using System.Threading;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>
/// One training process in miniature on a streamed image folder: random 8×8 patches with flips and downscale (so every
/// per-sample draw matters), centre patches of the same folder to validate, a fresh model and optimizer from the same
/// seed each time (as a restarted program builds them), dropout on so torch's RNG state matters too.
/// </summary>
internal sealed class StreamedRun : IDisposable
{
    public const int BatchSize = 4;
    private const int Patch = 8;
    private const int Channels = 3;

    public StreamedRun(string folder, string? checkpoints, int decodeThreads, BadImagePolicy badImages = BadImagePolicy.Fail)
    {
        var patches = new ImageFolderOptions
        {
            Channels = Channels,
            PatchHeight = Patch,
            PatchWidth = Patch,
            DecodeThreads = decodeThreads,
            BadImages = badImages,
        };
        Train = new ImageFolderData(folder, patches with { FlipHorizontal = true, FlipVertical = true, Downscale = new DownscaleRange(0.5, 1) });
        Validation = new ImageFolderData(folder, patches with { Crop = ImageCrop.Centre });
        Model = TinyAutoencoder.Create(Channels * Patch * Patch, 8, initSeed: 11, dropoutRate: 0.2);
        Optimizer = new Adam(Model.parameters(), 0.01);
        Options = new TrainingOptions
        {
            Epochs = 3,
            BatchSize = BatchSize,
            Seed = 5,
            Schedule = new CosineSchedule(1e-4),
            Checkpoints = checkpoints is null ? null : new CheckpointOptions { Directory = checkpoints, KeepLast = 3 },
        };
    }

    public ImageFolderData Train { get; }

    public ImageFolderData Validation { get; }

    public TinyAutoencoder Model { get; }

    public Optimizer Optimizer { get; }

    public TrainingOptions Options { get; }

    public TrainingReport Fit(CancellationToken token = default) =>
        TrainingLoop.Fit(Model, Optimizer, batch => Model.MseLoss(batch.flatten(1)), Train, Validation, Options, token);

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
    }
}
