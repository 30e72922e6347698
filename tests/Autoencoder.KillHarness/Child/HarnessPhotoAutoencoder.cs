using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// The model children train in the --images mode, on random 16×16 colour patches with both flips and a random downscale,
/// so every per-sample draw of the streamed data shows in the weights: a strided convolution, then dense layers through
/// a 64-number code. About 0.27 M parameters, so a checkpoint (weights and Adam's two moments) is about 3 MB and its
/// write takes long enough to be killed in the middle.
/// </summary>
[Autoencoder]
[Input(3, 16, 16)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 3, BatchSize = 16, Seed = 7)]
[TrainingData(FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.5)]
public partial class HarnessPhotoAutoencoder
{
    [Conv2d(32, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [Flatten]
    [Dense(64, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(2048, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    [Unflatten(32, 8, 8)]
    [ConvTranspose2d(3, 4, Activation.Sigmoid, Stride = 2, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}
