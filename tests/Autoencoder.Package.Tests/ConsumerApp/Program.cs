// A fresh application's whole source: one model declared with attributes, one in Tiny.ae.yaml. Both come from the
// Autoencoder.Dsl package alone. Each trains for five one-step epochs on a fixed random batch and prints its losses
// as "loss <model> <epoch> <value>", which the package test reads.
using System;
using System.Globalization;
using Autoencoder;
using Autoencoder.Runtime.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace ConsumerApp;

[Autoencoder]
[Input(16)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 5, BatchSize = 32, Seed = 1)]
public partial class AttributeModel
{
    [Dense(4, Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(16, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

public static class Program
{
    public static void Main()
    {
        torch.manual_seed(7);
        using Tensor batch = torch.rand(32, 16);
        Print("attribute", AttributeModel.Trainer.Create().Fit(batch));
        Print("yaml", YamlModel.Trainer.Create().Fit(batch));
    }

    private static void Print(string model, TrainingReport report)
    {
        foreach (EpochResult epoch in report.Epochs)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"loss {model} {epoch.Epoch} {epoch.TrainLoss:R}"));
        }
    }
}
