using Autoencoder.Runtime.Generative;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>A tiny dynamically binarised β-VAE on 8×8 images; bars-vae-twin.ae.yaml declares the same model.</summary>
[Autoencoder]
[Input(1, 8, 8)]
[Variational(2, KlWeight = 1.5, BinarizeInputs = true)]
[Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 12, BatchSize = 64, Seed = 5)]
public partial class BarsVae
{
    [Flatten]
    [Dense(32, Activation.Tanh)]
    public partial GaussianCode Encode(Tensor x);

    [Dense(32, Activation.Tanh)]
    [Dense(64)]
    [Unflatten(1, 8, 8)]
    public partial Tensor Decode(Tensor z);
}
