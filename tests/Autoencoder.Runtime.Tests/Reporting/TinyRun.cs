using System;
using Autoencoder.Runtime.Tests.Training;
using Autoencoder.Runtime.Training;
using Autoencoder.Runtime.Training.Optimizers;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Reporting;

/// <summary>
/// A few real epochs of <see cref="TinyAutoencoder"/> on 8×8 synthetic images, with the model, its reconstruction
/// function and fixed validation images exposed so that reporting observers can be built around it.
/// </summary>
internal sealed class TinyRun : IDisposable
{
    public const int Side = 8; // SyntheticImages.Pixels = 8 × 8

    public TinyRun(long initSeed = 7)
    {
        Train = SyntheticImages.Create(256, seed: 1).reshape(-1, 1, Side, Side);
        Validation = SyntheticImages.Create(64, seed: 2).reshape(-1, 1, Side, Side);
        Model = TinyAutoencoder.Create(SyntheticImages.Pixels, 2 * SyntheticImages.Patterns, initSeed);
        Optimizer = new Adam(Model.parameters(), learningRate: 0.05);
    }

    public Tensor Train { get; }

    public Tensor Validation { get; }

    public TinyAutoencoder Model { get; }

    public Optimizer Optimizer { get; }

    /// <summary>Images [B, 1, 8, 8] to reconstructions of the same shape.</summary>
    public Tensor Reconstruct(Tensor images) => Model.forward(images.flatten(1)).reshape(images.shape);

    public TrainingReport Fit(ITrainingObserver observer, int epochs = 6) =>
        TrainingLoop.Fit(Model, Optimizer, Loss, Train, Validation,
            new TrainingOptions { Epochs = epochs, BatchSize = 32, Seed = 3, Observer = observer });

    private Tensor Loss(Tensor images) => nn.functional.mse_loss(Reconstruct(images), images);

    public void Dispose()
    {
        Optimizer.Dispose();
        Model.Dispose();
        Validation.Dispose();
        Train.Dispose();
    }
}
