using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generated;

/// <summary>
/// A residual MNIST autoencoder with each kind of shortcut: identity, strided 1×1 projection, linear projection and
/// transposed 1×1 projection.
/// </summary>
[Autoencoder]
[Input(1, 28, 28)]
[Loss(ReconstructionLoss.BinaryCrossEntropy)]
[Optimizer(OptimizerKind.Adam, LearningRate = 2e-3)]
[Training(Epochs = 2, BatchSize = 64, Seed = 5)]
public partial class ResidualMnistModel
{
    // Channel counts are multiples of 16 on purpose: see "Known issues" in docs/troubleshooting.md (oneDNN's AVX-512 convolution
    // backward pass returns NaN now and then for channel counts it has to pad).
    // The layers inside a residual block are indented like a block; the formatter leaves them so.
#pragma warning disable format
    [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1)]
    [Residual(Activation.ReLU)]
        [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
        [Conv2d(16, 3, SamePadding = true)]
    [EndResidual]
    [Residual(Activation.ReLU)]
        [Conv2d(32, 3, Stride = 2, Padding = 1)]
    [EndResidual]
    [Flatten]
    [Residual]
        [Dense(32)]
    [EndResidual]
    public partial Tensor Encode(Tensor x);

    [Dense(32 * 7 * 7, Activation.ReLU)]
    [Unflatten(32, 7, 7)]
    [Residual(Activation.ReLU)]
        [Upsample(2)]
        [Conv2d(16, 3, SamePadding = true)]
    [EndResidual]
    [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
#pragma warning restore format
}

/// <summary>The encoder written out by hand, as a PyTorch user would write the blocks, to check the generated code's arithmetic.</summary>
public partial class ResidualMnistModel
{
    public Tensor HandWrittenEncode(Tensor x, bool withEncoder1)
    {
        x = nn.functional.relu(encoder0.forward(x));
        if (withEncoder1)
        {
            var body = encoder1_1.forward(nn.functional.relu(encoder1_0.forward(x)));
            x = nn.functional.relu(body + x);
        }

        x = nn.functional.relu(encoder2_0.forward(x) + encoder2_projection.forward(x));
        x = x.flatten(1);
        return encoder4_0.forward(x) + encoder4_projection.forward(x);
    }
}
