using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// The model children train in the --images mode: fully convolutional, on random 16×16 colour patches with both flips
/// and a random downscale, so every per-sample draw of the streamed data shows in the weights. About 54 k parameters:
/// a checkpoint is about 0.7 MB.
/// </summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 3, BatchSize = 16, Seed = 7)]
[TrainingData(PatchSize = 16, FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.5)]
public partial class HarnessPhotoAutoencoder
{
    [Conv2d(32, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(64, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [ConvTranspose2d(3, 4, Activation.Sigmoid, Stride = 2, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}
