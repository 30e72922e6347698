using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

/// <summary>
/// The classic dense MNIST autoencoder 784 → 32 → 784 (the Keras tutorial's, and examples/SeedAutoencoder's, with the
/// same settings), declared here so its 32-number codes can be judged by a linear probe.
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 20, BatchSize = 256, Seed = 42)]
public partial class ClassicCode32
{
    [Flatten]
    [Dense(32, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
