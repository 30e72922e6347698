using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small DnCNN-style denoiser: 3×3 convolutions of 16 channels (README, Known issues) with batch norm, predicting the noise,
/// which forward takes away from the input; the noise is not clipped, as the denoising benchmarks add it.
/// </summary>
[Autoencoder]
[Input(1, 8, 8)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 6, BatchSize = 32, Seed = 5)]
[Denoising(NoiseKind.Gaussian, 0.2, PredictNoise = true, Clip = false)]
public partial class NoisePredictingDenoiser
{
    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(16, 3, Padding = 1)]
    [Conv2d(1, 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>
/// A small colour denoiser of photos of any size that predicts the noise, trained on random 32² patches of the committed
/// sample photos with Gaussian noise of σ = 25 on the 0-255 scale, not clipped (as DnCNN trains). 100 steps: its first
/// convolution's gradient comes back NaN from oneDNN on 2–9 of them and those are recomputed without it, so runs differ;
/// after 60 steps chelsea scored 21.0–21.9 dB, at the test's bound of 21.17, after 100 it scores 22.9–23.3 dB.
/// </summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 100, BatchSize = 5, Seed = 25)]
[TrainingData(PatchSize = 32, FlipHorizontal = true)]
[Denoising(NoiseKind.Gaussian, 25 / 255.0, PredictNoise = true, Clip = false)]
public partial class PhotoNoisePredictor
{
    [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(16, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(3, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}
