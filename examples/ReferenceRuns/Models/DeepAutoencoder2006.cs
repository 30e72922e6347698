using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

/// <summary>
/// Hinton &amp; Salakhutdinov's MNIST autoencoder (Science 2006): 784-1000-500-250-30 and the mirror decoder, with a
/// linear 30-unit code and logistic outputs trained on cross-entropy, as in the paper. Their logistic hidden units needed
/// RBM pretraining; here ReLU units with batch normalisation, He initialisation and Adam on a one-cycle schedule train
/// the same shape from scratch.
/// </summary>
[Autoencoder(Init = WeightInit.KaimingNormal)]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 3e-3)]
[LearningRateSchedule(ScheduleKind.OneCycle, MaxLearningRate = 3e-3)]
[Training(Epochs = 60, BatchSize = 128, Seed = 42)]
public partial class DeepAutoencoder2006
{
    [Flatten]
    [Dense(1000, Activation.ReLU), BatchNorm]
    [Dense(500, Activation.ReLU), BatchNorm]
    [Dense(250, Activation.ReLU), BatchNorm]
    [Dense(30, Init = WeightInit.GlorotUniform)] // the linear code, as in the paper
    public partial Tensor Encode(Tensor x);

    [Dense(250, Activation.ReLU), BatchNorm]
    [Dense(500, Activation.ReLU), BatchNorm]
    [Dense(1000, Activation.ReLU), BatchNorm]
    [Dense(784, Activation.Sigmoid, Init = WeightInit.GlorotUniform)]
    [Unflatten(1, 28, 28)]
    public partial Tensor Decode(Tensor z);
}
