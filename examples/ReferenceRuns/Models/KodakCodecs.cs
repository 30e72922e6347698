using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

// The codecs of the kodak entry, as CompressAI's bmshj2018 models at qualities 1-4: N = 128, M = 192, GDN between the
// analysis transform's 5×5 stride-2 convolutions and IGDN between the synthesis transform's. The factorised prior (Ballé et
// al. 2018's baseline, bmshj2018-factorized) codes y [192, H/16, W/16] under one density per channel; the scale hyperprior
// (bmshj2018-hyperprior) adds a hyper-encoder of |y| to z [128, H/64, W/64] and a hyper-decoder back to a scale per element
// of y. λ is CompressAI's (0.0018, 0.0035, 0.0067, 0.0130 on MSE over 0-255) rescaled to this library's loss,
// MSE over 0-1 + RateWeight·bpp: RateWeight = 1 / (λ·255²). One class per λ, as λ is part of a model's declaration.
// Trained on random 128² crops of photos-train (scaled by 0.5-1, flipped); 7 photos a batch, so an epoch of the 49 is 7 steps.

/// <summary>The factorised prior codec at CompressAI's quality 1 (λ = 0.0018).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0085)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakFactorizedQ1
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The factorised prior codec at CompressAI's quality 2 (λ = 0.0035).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0044)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakFactorizedQ2
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The factorised prior codec at CompressAI's quality 3 (λ = 0.0067).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0023)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakFactorizedQ3
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The factorised prior codec at CompressAI's quality 4 (λ = 0.013).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0012)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakFactorizedQ4
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The scale hyperprior codec at CompressAI's quality 1 (λ = 0.0018).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0085, Prior = EntropyPrior.ScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakHyperpriorQ1
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(128, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(128, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(192, 3, Activation.ReLU, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}

/// <summary>The scale hyperprior codec at CompressAI's quality 2 (λ = 0.0035).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0044, Prior = EntropyPrior.ScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakHyperpriorQ2
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(128, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(128, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(192, 3, Activation.ReLU, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}

/// <summary>The scale hyperprior codec at CompressAI's quality 3 (λ = 0.0067).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0023, Prior = EntropyPrior.ScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakHyperpriorQ3
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(128, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(128, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(192, 3, Activation.ReLU, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}

/// <summary>The scale hyperprior codec at CompressAI's quality 4 (λ = 0.013).</summary>
[Autoencoder]
[Input(3, Any.Height, Any.Width)]
[Compression(0.0012, Prior = EntropyPrior.ScaleHyperprior)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 5e-4)]
[LearningRateSchedule(ScheduleKind.Cosine, MinLearningRate = 1e-5)]
[Training(BatchSize = 7, Seed = 2018, GradientClipNorm = 1.0)]
[TrainingData(PatchSize = 128, FlipHorizontal = true, MinimumScale = 0.5)]
public partial class KodakHyperpriorQ4
{
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(128, 5, Stride = 2, Padding = 2), Gdn]
    [Conv2d(192, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(128, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
    [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);

    [Conv2d(128, 3, Activation.ReLU, Padding = 1)]
    [Conv2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(128, 5, Stride = 2, Padding = 2)]
    public partial Tensor HyperEncode(Tensor y);

    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(128, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(192, 3, Activation.ReLU, Padding = 1)]
    public partial Tensor HyperDecode(Tensor z);
}
