using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small fully convolutional colour model: two stride-2 stages, so height and width are multiples of 4, and 16 channels
/// (multiples of 16: README, Known issues).
/// </summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 6, BatchSize = 16, Seed = 11)]
public partial class FreePhotoModel
{
    [Conv2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(16, 4, Stride = 2, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [ConvTranspose2d(3, 4, Activation.Sigmoid, Stride = 2, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A pixel unshuffle and its inverse on any size: the generated reshapes read the free sides from the tensor.</summary>
[Autoencoder]
[Input(2, Any.Height, Any.Width)]
public partial class FreePixelModel
{
    [PixelUnshuffle(2)]
    public partial Tensor Encode(Tensor x);

    [PixelShuffle(2)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A fully convolutional codec: any size in, the same size back from its stream.</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.01)]
public partial class FreeCodecModel
{
    [Conv2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(16, 4, Stride = 2, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [ConvTranspose2d(3, 4, Stride = 2, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}
