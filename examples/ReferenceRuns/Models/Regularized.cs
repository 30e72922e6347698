using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

/// <summary>Denoising autoencoder for MNIST, trained on Gaussian noise with σ = 0.3 (Vincent et al. 2008 style, a dense 784-256-64 net).</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Denoising(NoiseKind.Gaussian, 0.3)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 10, BatchSize = 128, Seed = 1)]
public partial class GaussianDenoisingMnist
{
    [Flatten]
    [Dense(256, Activation.ReLU)]
    [Dense(64, Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(256, Activation.ReLU)]
    [Dense(784, Activation.Sigmoid)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The same net trained on masking noise: 25% of each image's pixels set to 0.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Denoising(NoiseKind.Masking, 0.25)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 10, BatchSize = 128, Seed = 1)]
public partial class MaskingDenoisingMnist
{
    [Flatten]
    [Dense(256, Activation.ReLU)]
    [Dense(64, Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(256, Activation.ReLU)]
    [Dense(784, Activation.Sigmoid)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>
/// Sparse autoencoder, 784-196-784 with a sigmoid code: KL target ρ = 0.05 and a light L1 penalty. β is scaled for a
/// reconstruction loss averaged over the 784 pixels (Ng's β = 3 on a per-image sum is about 3/784 here).
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Sparse(L1Weight = 1e-4, SparsityTarget = 0.05, SparsityWeight = 0.005)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 15, BatchSize = 128, Seed = 1)]
public partial class SparseMnist
{
    [Flatten]
    [Dense(196, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>
/// Contractive autoencoder (Rifai et al. 2011), 784-128-784 with a sigmoid code, so the penalty has its closed form.
/// λ is scaled for a reconstruction loss averaged over the pixels.
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Contractive(1e-4)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 15, BatchSize = 128, Seed = 1)]
public partial class ContractiveMnist
{
    [Flatten]
    [Dense(128, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
