using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>A tiny convolutional VQ-VAE with an EMA codebook: [1, 8, 8] -> 4×4 codes of dimension 16 from 32 (channel counts stay multiples of 16: docs/troubleshooting.md, Known issues).</summary>
[Autoencoder]
[Input(1, 8, 8)]
[VectorQuantized(32, 16, Ema = true)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 7)]
public partial class TinyEmaVqVae
{
    [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(16, 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A tiny dense VQ-VAE whose codebook is learned by gradient: 64 -> one code of dimension 4 from 16.</summary>
[Autoencoder]
[Input(64)]
[VectorQuantized(16, 4)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 7)]
public partial class TinyGradientVqVae
{
    [Dense(32, Activation.ReLU)]
    [Dense(4)]
    public partial Tensor Encode(Tensor x);

    [Dense(32, Activation.ReLU)]
    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A convolutional VQ-VAE whose codebook is learned by gradient, with no dead-code resets: [1, 8, 8] -> 4×4 codes of dimension 16 from 32.</summary>
[Autoencoder]
[Input(1, 8, 8)]
[VectorQuantized(32, 16, CommitmentWeight = 0.5, DeadCodeThreshold = 0)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 7)]
public partial class TinyConvGradientVqVae
{
    [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(16, 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>A dense VQ-VAE with an EMA codebook, logits and no dead-code resets: 64 -> one code of dimension 4 from 16.</summary>
[Autoencoder]
[Input(64)]
[VectorQuantized(16, 4, Ema = true, CodebookDecay = 0.9, CodebookEpsilon = 1e-3, DeadCodeThreshold = 0)]
[Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[Training(Epochs = 5, BatchSize = 32, Seed = 7)]
public partial class TinyDenseEmaVqVae
{
    [Dense(32, Activation.ReLU)]
    [Dense(4)]
    public partial Tensor Encode(Tensor x);

    [Dense(32, Activation.ReLU)]
    [Dense(64)]
    public partial Tensor Decode(Tensor z);
}
