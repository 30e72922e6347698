using System.Collections.Generic;
using System.Diagnostics;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace ReferenceRuns.Entries;

/// <summary>
/// A sparse autoencoder on MNIST (KL target ρ = 0.05 and an L1 penalty, logged as separate terms): its reconstruction error on
/// the test set, and how sparse the code is — the mean activation, and the fraction of activations below 0.05.
/// </summary>
internal sealed class SparseEntry : IReferenceEntry
{
    private const int Epochs = 15;
    private const double NearZero = 0.05;

    public string Name => "sparse";

    public string Settings => $"784-196-784 sigmoid, BCE, ρ = 0.05, β = 0.005, L1 1e-4, Adam 1e-3, {Epochs} epochs, batch 128, seed 1";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var epochs = context.Epochs(Epochs);
        var settings = $"{epochs} epochs, batch 128, seed 1, Adam 1e-3, ρ = 0.05, β = 0.005, L1 = 1e-4";
        var clock = Stopwatch.StartNew();
        var trainer = SparseMnist.Trainer.Create(new SparseMnist.TrainingOptions { Epochs = epochs, Threads = context.Threads, Observer = new ConsoleProgress(context.Log, interactive: false) });
        trainer.Fit(context.Mnist.Train.Images);
        var test = context.Mnist.Test.Images;
        var reconstruction = trainer.Evaluate(test);
        double meanActivation, nearZero;
        trainer.Model.eval();
        using (no_grad())
        using (var code = trainer.Model.Encode(test))
        {
            meanActivation = code.mean().item<float>();
            nearZero = code.lt(Of(NearZero)).to_type(ScalarType.Float32).mean().item<float>();
        }

        clock.Stop();
        const string Model = "Sparse AE 784-196-784, ρ = 0.05";
        context.Log.WriteLine($"{Model}: MSE {reconstruction.Mse:F4}, BCE {reconstruction.Bce:F4}, mean activation {meanActivation:F4}, below {NearZero}: {nearZero:P1}");
        return new[]
        {
            new ReferenceResult(Name, Model, "test reconstruction MSE per pixel", reconstruction.Mse, null, null, clock.Elapsed, settings),
            new ReferenceResult(Name, Model, "mean code activation on test (target 0.05)", meanActivation, null, null, clock.Elapsed, settings),
            new ReferenceResult(Name, Model, $"fraction of code activations below {NearZero} on test", nearZero, null, null, clock.Elapsed, settings),
        };
    }
}
