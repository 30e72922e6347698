using System.Collections.Generic;
using System.Diagnostics;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;
using static TorchSharp.torch;

namespace ReferenceRuns.Entries;

/// <summary>
/// A contractive autoencoder on MNIST (closed-form penalty, logged as its own term): its reconstruction error on the test set
/// and the mean Frobenius norm of the encoder's Jacobian over the test images.
/// </summary>
internal sealed class ContractiveEntry : IReferenceEntry
{
    private const int Epochs = 15;

    public string Name => "contractive";

    public string Settings => $"784-128-784 sigmoid, BCE, λ = 1e-4 (closed form), Adam 1e-3, {Epochs} epochs, batch 128, seed 1";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var epochs = context.Epochs(Epochs);
        var settings = $"{epochs} epochs, batch 128, seed 1, Adam 1e-3, λ = 1e-4";
        var clock = Stopwatch.StartNew();
        var trainer = ContractiveMnist.Trainer.Create(new ContractiveMnist.TrainingOptions { Epochs = epochs, Threads = context.Threads, Observer = new ConsoleProgress(context.Log, interactive: false) });
        trainer.Fit(context.Mnist.Train.Images);
        var test = context.Mnist.Test.Images;
        var reconstruction = trainer.Evaluate(test);
        double jacobianNorm;
        trainer.Model.eval();
        using (no_grad())
        using (var squared = trainer.Model.JacobianNormSquared(test))
        {
            jacobianNorm = squared.sqrt().mean().item<float>();
        }

        clock.Stop();
        const string Model = "CAE 784-128-784, λ = 1e-4";
        context.Log.WriteLine($"{Model}: MSE {reconstruction.Mse:F4}, BCE {reconstruction.Bce:F4}, mean ‖J_f(x)‖_F {jacobianNorm:F3}");
        return new[]
        {
            new ReferenceResult(Name, Model, "test reconstruction MSE per pixel", reconstruction.Mse, null, null, clock.Elapsed, settings),
            new ReferenceResult(Name, Model, "mean ‖J_f(x)‖_F of the encoder on test", jacobianNorm, null, null, clock.Elapsed, settings),
        };
    }
}
