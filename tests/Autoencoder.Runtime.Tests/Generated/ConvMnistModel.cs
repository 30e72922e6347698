using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>A small convolutional autoencoder with batch norm, compiled through the real generator.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 2, BatchSize = 64, Seed = 11)]
public partial class ConvMnistModel
{
    [Conv2d(4, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [BatchNorm]
    [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [Flatten]
    [Dense(32)]
    public partial Tensor Encode(Tensor x);

    [Dense(8 * 7 * 7, Activation.ReLU)]
    [Unflatten(8, 7, 7)]
    [ConvTranspose2d(4, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Every other image layer: same padding (even kernel, so uneven) with groups, pooling, channel dropout, dilation, 1-d batch norm, upsampling.</summary>
[Autoencoder]
[Input(2, 12, 12)]
public partial class PooledImageModel
{
    [Conv2d(4, 4, Activation.ReLU, SamePadding = true, Groups = 2)]
    [BatchNorm]
    [MaxPool2d(2)]
    [Dropout2d(0.25)]
    [Conv2d(4, 3, Padding = 2, Dilation = 2, Bias = false)]
    [AvgPool2d(3, Stride = 1)]
    [Flatten]
    [Dense(8)]
    [BatchNorm]
    public partial Tensor Encode(Tensor x);

    [Dense(4 * 3 * 3, Activation.ReLU)]
    [Unflatten(4, 3, 3)]
    [Upsample(2)]
    [Upsample(2, Mode = Upsampling.Bilinear)]
    [Conv2d(2, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Upsampling to a size that is no whole multiple of the input's (9×9 → 28×28), bilinear.</summary>
[Autoencoder]
[Input(1, 28, 28)]
public partial class SizedUpsampleModel
{
    [Conv2d(4, 3, Stride = 3)]
    [Flatten]
    [Dense(8)]
    public partial Tensor Encode(Tensor x);

    [Dense(4 * 9 * 9)]
    [Unflatten(4, 9, 9)]
    [Upsample(Height = 28, Width = 28, Mode = Upsampling.Bilinear)]
    [Conv2d(1, 3, SamePadding = true)]
    public partial Tensor Decode(Tensor z);
}
