using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

// DnCNN-S (Zhang et al. 2017), the grey denoiser of the bsd68 entry: 17 stride-1 3×3 convolutions of 64 channels, the
// first with ReLU, the middle 15 without bias and followed by batch norm and ReLU, the last back to one channel. It
// predicts the noise (PredictNoise: forward returns the input minus the layers' output) and trains on Gaussian noise that
// is not clipped, as the paper tests. One class per σ (σ is part of the declaration, as it is of DnCNN-S): 15, 25 and 50
// on the 0-255 scale. Patches of 40² from BSD400 with flips and scales down to 0.7, as the paper's training set;
// batches of 80 (DnCNN: 128) divide the 400 images into 5 steps an epoch. The entry sets the epochs the cosine schedule spans.

/// <summary>DnCNN-S for Gaussian noise of σ = 15 on the 0-255 scale.</summary>
[Autoencoder]
[Input(1, Any.Height, Any.Width)]
[Denoising(NoiseKind.Gaussian, 15 / 255.0, PredictNoise = true, Clip = false)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 80, Seed = 17)]
[TrainingData(PatchSize = 40, FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.7)]
public partial class DnCnn15
{
    [Conv2d(64, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(1, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>DnCNN-S for Gaussian noise of σ = 25 on the 0-255 scale.</summary>
[Autoencoder]
[Input(1, Any.Height, Any.Width)]
[Denoising(NoiseKind.Gaussian, 25 / 255.0, PredictNoise = true, Clip = false)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 80, Seed = 17)]
[TrainingData(PatchSize = 40, FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.7)]
public partial class DnCnn25
{
    [Conv2d(64, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(1, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>DnCNN-S for Gaussian noise of σ = 50 on the 0-255 scale.</summary>
[Autoencoder]
[Input(1, Any.Height, Any.Width)]
[Denoising(NoiseKind.Gaussian, 50 / 255.0, PredictNoise = true, Clip = false)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 80, Seed = 17)]
[TrainingData(PatchSize = 40, FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.7)]
public partial class DnCnn50
{
    [Conv2d(64, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(1, 3, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}


/// <summary>
/// The colour DnCNN (CDnCNN) for σ = 25 meant to ship as the command-line tool's photo-denoise: the same layers as its
/// Models/photo-denoise.ae.yaml (so the same fingerprint), trained on 48² patches of the colour photos of photos-train.
/// Its 15 middle convolutions start as the identity (WeightInit.Identity): initialised at random, this network stays on
/// the loss of predicting no noise on these photos (docs/reference-runs.md, colour-denoise); the first and last keep
/// TorchSharp's initialisation.
/// </summary>
[Autoencoder(Init = WeightInit.Identity)]
[Input(3, Any.Height, Any.Width)]
[Denoising(NoiseKind.Gaussian, 25 / 255.0, PredictNoise = true, Clip = false)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 49, Seed = 7)]
[TrainingData(PatchSize = 48, FlipHorizontal = true, FlipVertical = true, MinimumScale = 0.25, PatchesPerImage = 4)]
public partial class ColourDnCnn25
{
    [Conv2d(64, 3, Activation.ReLU, Padding = 1, Init = WeightInit.TorchDefault)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]
    [Conv2d(3, 3, Padding = 1, Init = WeightInit.TorchDefault)]
    public partial Tensor Decode(Tensor z);
}
