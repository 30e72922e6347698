using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small scale-hyperprior codec of grey images of any size (multiples of 8): [1, H, W] -> y [16, H/4, W/4] -> z
/// [16, H/8, W/8]. Channel counts are multiples of 16 (README, Known issues).
/// </summary>
[Autoencoder]
[Input(1, Any.Height, Any.Width)]
[Compression(0.01, Prior = EntropyPrior.ScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 2, BatchSize = 32, Seed = 5)]
public partial class ScaleHyperpriorCodec
{
    [Conv2d(16, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}

/// <summary>The mean-and-scale variant of <see cref="ScaleHyperpriorCodec"/>: the hyper-decoder gives 16 scales, then 16 means.</summary>
[Autoencoder]
[Input(1, Any.Height, Any.Width)]
[Compression(0.01, Prior = EntropyPrior.MeanScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 2, BatchSize = 32, Seed = 5)]
public partial class MeanScaleHyperpriorCodec
{
    [Conv2d(16, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(32, 3, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}
