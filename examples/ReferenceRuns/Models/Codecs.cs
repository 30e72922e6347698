using Autoencoder;
using static TorchSharp.torch;

namespace ReferenceRuns.Models;

// The learned MNIST codecs of the rate–distortion table: one architecture, one class per λ (λ is part of a model's
// declaration, as its loss is). 28×28 -> a [16, 7, 7] code -> 28×28, MSE distortion; channel counts are multiples of 16
// (README, Known issues). A larger λ gives fewer bits and a blurrier image.

/// <summary>The MNIST codec trained with λ = 0.002.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.002)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 64, Seed = 42)]
public partial class Codec0002
{
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(1, 3, Activation.Sigmoid, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.005.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.005)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 64, Seed = 42)]
public partial class Codec0005
{
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(1, 3, Activation.Sigmoid, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.01.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.01)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 64, Seed = 42)]
public partial class Codec001
{
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(1, 3, Activation.Sigmoid, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.02.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.02)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 64, Seed = 42)]
public partial class Codec002
{
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(1, 3, Activation.Sigmoid, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}

/// <summary>The MNIST codec trained with λ = 0.05.</summary>
[Autoencoder]
[Input(1, 28, 28)]
[Compression(0.05)]
[Loss(ReconstructionLoss.MeanSquaredError)]
[Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
[Training(Epochs = 8, BatchSize = 64, Seed = 42)]
public partial class Codec005
{
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2)]
    [Conv2d(16, 3, Padding = 1)]
    public partial Tensor Encode(Tensor x);

    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [ConvTranspose2d(32, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
    [Conv2d(1, 3, Activation.Sigmoid, Padding = 1)]
    public partial Tensor Decode(Tensor z);
}
