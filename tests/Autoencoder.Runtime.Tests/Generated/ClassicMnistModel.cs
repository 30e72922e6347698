using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>The classic model, compiled through the real generator (referenced as an analyzer).</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-3)]
[Training(Epochs = 4, BatchSize = 64, Seed = 7)]
public partial class ClassicMnistModel
{
    [Flatten]
    [Dense(32, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
