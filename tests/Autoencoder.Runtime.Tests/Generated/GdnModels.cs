using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small convolutional autoencoder with GDN after the encoder's strided convolution and IGDN after the decoder's
/// transposed one, as learned codecs place them: [1, 8, 8] -> [16, 4, 4] -> [1, 8, 8]. Channel counts are multiples of 16
/// (README, Known issues).
/// </summary>
[Autoencoder]
[Input(1, 8, 8)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 11)]
public partial class GdnModel
{
    [Conv2d(16, 4, Stride = 2, Padding = 1)]
    [Gdn]
    [Conv2d(16, 3, SamePadding = true)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 4, Stride = 2, Padding = 1)]
    [Gdn(Inverse = true)]
    [Conv2d(1, 3, Activation.Sigmoid, SamePadding = true)]
    public partial Tensor Decode(Tensor z);
}
