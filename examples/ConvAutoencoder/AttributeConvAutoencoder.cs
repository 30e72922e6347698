using Autoencoder;
using static TorchSharp.torch;

namespace ConvAutoencoderExample;

/// <summary>
/// The model of ConvAutoencoder.ae.yaml, declared with attributes: both lower to the same spec, so only the
/// class name differs. Program trains either with <c>--model yaml|attributes</c>.
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 10, BatchSize = 128, Seed = 42)]
public partial class AttributeConvAutoencoder
{
    [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, Init = WeightInit.GlorotUniform)]
    [Conv2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, Init = WeightInit.GlorotUniform)]
    [Flatten]
    [Dense(32, Init = WeightInit.GlorotUniform)]
    public partial Tensor Encode(Tensor x);

    [Dense(32 * 7 * 7, Activation.ReLU, Init = WeightInit.GlorotUniform)]
    [Unflatten(32, 7, 7)]
    [ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1, Init = WeightInit.GlorotUniform)]
    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1, Init = WeightInit.GlorotUniform)]
    public partial Tensor Decode(Tensor z);
}
