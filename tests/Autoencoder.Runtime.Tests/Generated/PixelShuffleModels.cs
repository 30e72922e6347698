using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>Nothing but a pixel unshuffle and its inverse: [16, 8, 8] -> [64, 4, 4] -> [16, 8, 8], no weights.</summary>
[Autoencoder]
[Input(16, 8, 8)]
public partial class PixelRoundTripModel
{
    [PixelUnshuffle(2)]
    public partial Tensor Encode(Tensor x);

    [PixelShuffle(2)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A factor of 4 on a rectangular image, so that a height swapped for a width or r for r² shows: [4, 12, 8] -> [64, 3, 2].</summary>
[Autoencoder]
[Input(4, 12, 8)]
public partial class PixelRectangleModel
{
    [PixelUnshuffle(4)]
    public partial Tensor Encode(Tensor x);

    [PixelShuffle(4)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>
/// Sub-pixel layers around convolutions, for [1, 8, 8] images: the unshuffle makes 16 channels for the convolutions (channel
/// counts stay multiples of 16: README, Known issues), and the decoder's sigmoid convolution gives the 16 sub-pixels of
/// each 4×4 block that the shuffle puts in place.
/// </summary>
[Autoencoder]
[Input(1, 8, 8)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 7)]
public partial class SubPixelModel
{
    [PixelUnshuffle(4)]
    [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
    [Conv2d(16, 1)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
    [Conv2d(16, 1, Activation.Sigmoid)]
    [PixelShuffle(4)]
    public partial Tensor Decode(Tensor z);
}
