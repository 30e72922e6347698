using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

/// <summary>
/// A small convolutional VQ-VAE for MNIST (van den Oord et al. 2017): 28×28 → 7×7 codes of dimension 32, each one of 512,
/// an EMA codebook with the paper's β = 0.25 and decay 0.99, dead codes reset (threshold 1). Channel counts are multiples
/// of 16 (docs/troubleshooting.md, Known issues). One image is 7·7 indices of log2 512 = 9 bits: 441 bits.
/// </summary>
[Autoencoder(Init = WeightInit.KaimingUniform)]
[Input(1, 28, 28)]
[VectorQuantized(512, 32, Ema = true, CommitmentWeight = 0.25, CodebookDecay = 0.99)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 128, Seed = 42)]
public partial class VqVae
{
    [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]   // [B, 1, 28, 28] -> [B, 16, 14, 14]
    [Conv2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1)]   // -> [B, 32, 7, 7]
    [Conv2d(32, 1)]                                             // the code z_e, no activation: [B, 32, 7, 7]
    public partial Tensor Encode(Tensor x);

    [Conv2d(32, 3, Activation.ReLU, SamePadding = true)]                                     // [B, 32, 7, 7]
    [ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]    // -> [B, 16, 14, 14]
    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]  // -> [B, 1, 28, 28]
    public partial Tensor Decode(Tensor z);
}
