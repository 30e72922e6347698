using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small convolutional MNIST codec: [1, 28, 28] -> a [16, 7, 7] code, quantised and entropy-coded, MSE distortion,
/// λ = 0.01 (channel counts stay multiples of 16: docs/troubleshooting.md, Known issues). The output is linear: under MSE a sigmoid output
/// sits at all-black for the first few hundred steps; the codec clamps decoded images to [0, 1].
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.01)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 3, BatchSize = 64, Seed = 11)]
public partial class MnistCodec
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}
