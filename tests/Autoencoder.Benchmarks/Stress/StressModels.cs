using Autoencoder.Runtime.Generative;
using static TorchSharp.torch;

// One small model per family the DSL offers, on MNIST digits, spread over the three optimizers and the schedules, so
// that the stress run passes through every path a run takes. Small, because the figure is the number of steps.
namespace Autoencoder.Benchmarks.Stress;

/// <summary>Plain dense autoencoder, Adam.</summary>
[Autoencoder, Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 1, BatchSize = 32, Seed = 1)]
public partial class StressPlain
{
    [Flatten, Dense(32, Activation.ReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Denoising (Gaussian noise), SGD with Nesterov momentum and weight decay, a step schedule.</summary>
[Autoencoder, Input(1, 28, 28)]
[Denoising(NoiseKind.Gaussian, 0.3)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9, Nesterov = true, WeightDecay = 1e-4)]
[LearningRateSchedule(ScheduleKind.Step, StepSize = 2, Gamma = 0.9)]
[Training(Epochs = 1, BatchSize = 32, Seed = 2)]
public partial class StressDenoising
{
    [Flatten, Dense(64, Activation.LeakyReLU)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Sparse (L1 and KL), AdamW, gradient clipping.</summary>
[Autoencoder, Input(1, 28, 28)]
[Sparse(L1Weight = 1e-4, SparsityTarget = 0.05, SparsityWeight = 0.5)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 0.01)]
[Training(Epochs = 1, BatchSize = 32, Seed = 3, GradientClipNorm = 1.0)]
public partial class StressSparse
{
    [Flatten, Dense(64, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Contractive with a two-layer encoder (the penalty by autograd), Adam with L2 weight decay.</summary>
[Autoencoder, Input(1, 28, 28)]
[Contractive(1e-4)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3, WeightDecay = 1e-5)]
[Training(Epochs = 1, BatchSize = 32, Seed = 4)]
public partial class StressContractive
{
    [Flatten, Dense(32, Activation.Tanh), Dense(4, Activation.Sigmoid)]
    public partial Tensor Encode(Tensor x);

    [Dense(784, Activation.Sigmoid), Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Dynamically binarised VAE, Adam with a one-cycle schedule.</summary>
[Autoencoder, Input(1, 28, 28)]
[Variational(8, BinarizeInputs = true)]
[Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.OneCycle, MaxLearningRate = 3e-3)]
[Training(Epochs = 1, BatchSize = 32, Seed = 5)]
public partial class StressVae
{
    [Flatten, Dense(64, Activation.Tanh)]
    public partial GaussianCode Encode(Tensor x);

    [Dense(64, Activation.Tanh), Dense(784), Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Convolutional VQ-VAE with an EMA codebook and dead-code resets, Adam with reduce-on-plateau.</summary>
[Autoencoder, Input(1, 28, 28)]
[VectorQuantized(64, 16, Ema = true)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.ReduceOnPlateau, Patience = 1)]
[Training(Epochs = 1, BatchSize = 32, Seed = 6)]
public partial class StressVqVae
{
    [Conv2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [Conv2d(16, 4, Stride = 2, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 4, Activation.ReLU, Stride = 2, Padding = 1)]
    [ConvTranspose2d(1, 4, Activation.Sigmoid, Stride = 2, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>Learned compression (entropy bottleneck, rate + distortion), Adam with a cosine schedule.</summary>
[Autoencoder, Input(1, 28, 28)]
[Compression(0.01)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[LearningRateSchedule(ScheduleKind.Cosine)]
[Training(Epochs = 1, BatchSize = 32, Seed = 7)]
public partial class StressCodec
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 5, Stride = 2, Padding = 2)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}
