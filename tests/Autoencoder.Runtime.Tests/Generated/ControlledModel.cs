using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A small model declaring every training control (clipping, early stopping, a step schedule);
/// controlled-twin.ae.yaml declares the same model.
/// </summary>
[Autoencoder]
[Input(16)]
[Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9)]
[Training(Epochs = 6, BatchSize = 8, Seed = 3, GradientClipNorm = 0.5)]
[EarlyStopping(3, MinDelta = 1e-3, RestoreBestWeights = false)]
[LearningRateSchedule(ScheduleKind.Step, StepSize = 2, Gamma = 0.5)]
public partial class ControlledModel
{
    [Dense(8, Activation.Tanh)]
    [Dense(4)]
    public partial Tensor Encode(Tensor x);

    [Dense(8, Activation.Tanh)]
    [Dense(16)]
    public partial Tensor Decode(Tensor z);
}
