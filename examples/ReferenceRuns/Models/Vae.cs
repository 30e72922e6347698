using Autoencoder;
using Autoencoder.Runtime.Generative;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

/// <summary>
/// The VAE of the reference run: 784-500-500-50 with a Bernoulli decoder on dynamically binarised MNIST, the 50 latent
/// units of Burda et al. (2016, Table 1) with two hidden layers each side (as theirs and Pythae's), ReLU, Adam at 1e-3.
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Variational(50, BinarizeInputs = true)]
[Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 40, BatchSize = 100, Seed = 2016)]
public partial class Vae
{
    [Flatten]
    [Dense(500, Activation.ReLU)]
    [Dense(500, Activation.ReLU)]
    public partial GaussianCode Encode(Tensor x);

    [Dense(500, Activation.ReLU)]
    [Dense(500, Activation.ReLU)]
    [Dense(784)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The same network as a β-VAE with β = 4 (Higgins et al. 2017): more weight on the KL term, a less detailed code.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Variational(50, KlWeight = 4, BinarizeInputs = true)]
[Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 10, BatchSize = 100, Seed = 2016)]
public partial class BetaVae
{
    [Flatten]
    [Dense(500, Activation.ReLU)]
    [Dense(500, Activation.ReLU)]
    public partial GaussianCode Encode(Tensor x);

    [Dense(500, Activation.ReLU)]
    [Dense(500, Activation.ReLU)]
    [Dense(784)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
