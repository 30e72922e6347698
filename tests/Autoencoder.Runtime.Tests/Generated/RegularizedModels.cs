using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>A small denoising autoencoder for 64-pixel images: Gaussian noise with σ = 0.3 while training.</summary>
[Autoencoder]
[Input(64)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Denoising(NoiseKind.Gaussian, 0.3)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 20, BatchSize = 32, Seed = 1)]
public partial class DenoisingTestModel
{
    [Dense(16, Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Both sparsity penalties on a sigmoid code of 16 units.</summary>
[Autoencoder]
[Input(64)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Sparse(L1Weight = 1e-3, SparsityTarget = 0.05, SparsityWeight = 0.1)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 12, BatchSize = 32, Seed = 2)]
public partial class SparseTestModel
{
    [Dense(16, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>One sigmoid Dense layer: the contractive penalty in closed form.</summary>
[Autoencoder]
[Input(64)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Contractive(0.05)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 12, BatchSize = 32, Seed = 3)]
public partial class ContractiveTestModel
{
    [Dense(8, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

/// <summary><see cref="ContractiveTestModel"/> without the penalty: same architecture, seed and so the same initial weights.</summary>
[Autoencoder]
[Input(64)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 12, BatchSize = 32, Seed = 3)]
public partial class UncontractedTestModel
{
    [Dense(8, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Two encoder layers: the contractive penalty by autograd.</summary>
[Autoencoder]
[Input(64)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Contractive(0.05)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-2)]
[Training(Epochs = 8, BatchSize = 32, Seed = 4)]
public partial class DeepContractiveTestModel
{
    [Dense(16, Activation.Tanh)]
    [Dense(4, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(64, Activation.Sigmoid)]
    public partial Tensor Decode(Tensor z);
}
