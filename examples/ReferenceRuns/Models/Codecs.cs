using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

// The learned MNIST codecs of the rate–distortion table: one architecture, one class per λ (λ is part of a model's
// declaration, as its loss is). 28×28 -> a [16, 7, 7] code -> 28×28 with MSE distortion; a larger λ gives fewer bits
// and a blurrier image. The output layer is linear (the codec clamps to [0, 1]): a sigmoid output under MSE sat at
// "all black" for the first epoch. The decoder ends in strided transposed convolutions because the stride-1
// convolution's input gradient with one output channel hits the oneDNN NaN of docs/troubleshooting.md, Known issues.

/// <summary>The MNIST codec trained with λ = 0.001.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.001)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 6, BatchSize = 64, Seed = 42)]
public partial class Codec0001
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.003.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.003)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 6, BatchSize = 64, Seed = 42)]
public partial class Codec0003
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.01.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.01)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 6, BatchSize = 64, Seed = 42)]
public partial class Codec001
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.03.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.03)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 6, BatchSize = 64, Seed = 42)]
public partial class Codec003
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.1.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.1)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 6, BatchSize = 64, Seed = 42)]
public partial class Codec01
{
    [Conv2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
    [ConvTranspose2d(1, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
    public partial Tensor Decode(Tensor z);
}
