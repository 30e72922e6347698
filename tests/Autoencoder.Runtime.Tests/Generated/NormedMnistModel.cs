using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// Group and layer normalisation on images and on the code, with a model-wide Kaiming init that one convolution opts
/// out of; normed-twin.ae.yaml declares the same model.
/// </summary>
[Autoencoder(Init = WeightInit.KaimingUniform)]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 1, BatchSize = 64, Seed = 5)]
public partial class NormedMnistModel
{
    [Conv2d(6, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [GroupNorm(3)]
    [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1, Init = WeightInit.TorchDefault)]
    [LayerNorm(Epsilon = 1e-4)]
    [Flatten]
    [Dense(12)]
    [GroupNorm(4)]
    [LayerNorm]
    public partial Tensor Encode(Tensor x);

    [Dense(8 * 7 * 7, Activation.ReLU)]
    [Unflatten(8, 7, 7)]
    [GroupNorm(2)]
    [ConvTranspose2d(6, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}
