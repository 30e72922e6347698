using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>The classic model, declared exactly as in examples/SeedAutoencoder.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 1, BatchSize = 256, Seed = 42)]
public partial class BenchmarkAutoencoder
{
    [Flatten]
    [Dense(32, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
