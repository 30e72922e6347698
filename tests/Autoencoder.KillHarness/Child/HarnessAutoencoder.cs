using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// The model every child trains: dense 784 → 128 → 32 → 128 → 784, about 0.2 M parameters, so a checkpoint
/// (weights and Adam's two moments) is about 2.5 MB and its write takes long enough to be killed in the middle.
/// </summary>
[Autoencoder]
[Input(784)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 3, BatchSize = 64, Seed = 7)]
public partial class HarnessAutoencoder
{
    [Dense(128, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    [Dense(32, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(128, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    public partial Tensor Decode(Tensor z);
}
