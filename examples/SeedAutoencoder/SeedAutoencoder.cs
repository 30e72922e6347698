using Autoencoder;
using static TorchSharp.torch;

namespace SeedAutoencoderExample;

/// <summary>
/// The classic dense MNIST autoencoder: 784 pixels → a 32-number code → 784 pixels,
/// trained with binary cross-entropy and Adam. Everything below the declaration is generated.
/// Glorot-uniform weights with zero bias, as in Keras: with TorchSharp's default initialisation some ReLU
/// code units die early on some seeds and the test BCE stalls near 0.110 (measured: 3 of 7 seeds).
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 20, BatchSize = 256, Seed = 42)]
public partial class SeedAutoencoder
{
    [Flatten]
    [Dense(32, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
