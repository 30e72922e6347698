namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>Declarations the tests compile: the two models the foundation must express, and one that uses the rest of the vocabulary.</summary>
internal static class Models
{
    public const string Usings = """
        using Autoencoder;
        using TorchSharp;
        using static TorchSharp.torch;

        """;

    /// <summary>The classic dense MNIST autoencoder: 784 → 32 → 784, BCE, Adam.</summary>
    public const string Classic = Usings + """
        namespace Examples;

        [Autoencoder]
        [Input(1, 28, 28)]
        [Loss(ReconstructionLoss.BinaryCrossEntropy)]
        [Optimizer(OptimizerKind.Adam, LearningRate = 1e-3)]
        [Training(Epochs = 20, BatchSize = 256, Seed = 42)]
        public partial class MnistAutoencoder
        {
            [Flatten]
            [Dense(32, Activation.ReLU)]
            public partial Tensor Encode(Tensor x);

            [Dense(784, Activation.Sigmoid)]
            [Unflatten(1, 28, 28)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>Hinton &amp; Salakhutdinov (2006): 784-1000-500-250-30 with a linear code, and its mirror.</summary>
    public const string Deep = Usings + """
        namespace Examples.Deep
        {
            [Autoencoder]
            [Input(784)]
            [Loss(ReconstructionLoss.BinaryCrossEntropyWithLogits)]
            [Optimizer(OptimizerKind.AdamW, LearningRate = 1e-3, WeightDecay = 1e-4)]
            [Training(Epochs = 30, BatchSize = 128)]
            internal partial class DeepAutoencoder
            {
                [Dense(1000, Activation.ReLU)]
                [Dense(500, Activation.ReLU)]
                [Dense(250, Activation.ReLU)]
                [Dense(30)]
                public partial Tensor Encode(Tensor x);

                [Dense(250, Activation.ReLU)]
                [Dense(500, Activation.ReLU)]
                [Dense(1000, Activation.ReLU)]
                [Dense(784)]
                public partial Tensor Decode(Tensor code);
            }
        }
        """;

    /// <summary>Nested, without a namespace; SGD with Nesterov momentum, dropout, every activation, L1.</summary>
    public const string Nested = Usings + """
        public static partial class Models
        {
            [Autoencoder]
            [Input(64)]
            [Loss(ReconstructionLoss.L1)]
            [Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9, Nesterov = true)]
            public partial class Tiny
            {
                [Dropout(0.1)]
                [Dense(16, Activation.LeakyReLU, NegativeSlope = 0.2)]
                [Dense(8, Activation.Tanh, Bias = false)]
                internal partial Tensor Encode(Tensor x);

                [Dense(16, Activation.GELU)]
                [Dense(64, Activation.Sigmoid)]
                internal partial Tensor Decode(Tensor z);
            }
        }
        """;

    /// <summary>A convolutional MNIST autoencoder: two stride-2 convolutions down to 7×7, a 16-number code, and their transposed mirror.</summary>
    public const string Conv = Usings + """
        namespace Examples.Conv;

        [Autoencoder]
        [Input(1, 28, 28)]
        [Loss(ReconstructionLoss.BinaryCrossEntropy)]
        public partial class ConvAutoencoder
        {
            [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, Init = WeightInit.KaimingNormal)]
            [Conv2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [Flatten]
            [Dense(16)]
            public partial Tensor Encode(Tensor x);

            [Dense(32 * 7 * 7, Activation.ReLU)]
            [Unflatten(32, 7, 7)]
            [ConvTranspose2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
            [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>Pooling and upsampling instead of strides, with batch norm (2-d and 1-d), channel dropout, same padding, groups and dilation.</summary>
    public const string Pooled = Usings + """
        namespace Examples.Conv;

        [Autoencoder]
        [Input(2, 28, 28)]
        public partial class PooledAutoencoder
        {
            [Conv2d(8, 3, Activation.ReLU, SamePadding = true, Groups = 2)]
            [BatchNorm]
            [MaxPool2d(2)]
            [Dropout2d(0.1)]
            [Conv2d(8, 3, Activation.LeakyReLU, Padding = 2, Dilation = 2, Bias = false, NegativeSlope = 0.2)]
            [AvgPool2d(3, Stride = 2)]
            [Flatten]
            [Dense(32)]
            [BatchNorm]
            public partial Tensor Encode(Tensor x);

            [Dense(8 * 7 * 7, Activation.ReLU)]
            [Unflatten(8, 7, 7)]
            [Upsample(2)]
            [Conv2d(8, 3, Activation.ReLU, Padding = 1)]
            [Upsample(2, Mode = Upsampling.Bilinear)]
            [Conv2d(2, 3, Padding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>
    /// Residual blocks of every kind: identity, a strided 1×1 projection, a nested block, a transposed projection
    /// that doubles height and width, and a linear projection between feature vectors.
    /// </summary>
    public const string Residual = Usings + """
        namespace Examples.Residual;

        [Autoencoder]
        [Input(1, 28, 28)]
        public partial class ResidualAutoencoder
        {
            [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
            [Residual(Activation.ReLU)]
                [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
                [Conv2d(16, 3, SamePadding = true)]
            [EndResidual]
            [Residual(Activation.ReLU)]
                [Conv2d(32, 3, Activation.ReLU, Stride = 2, Padding = 1)]
                [Residual]
                    [Conv2d(32, 3, SamePadding = true)]
                [EndResidual]
            [EndResidual]
            [Flatten]
            [Residual(Activation.Tanh)]
                [Dense(64, Activation.ReLU)]
            [EndResidual]
            public partial Tensor Encode(Tensor x);

            [Dense(32 * 7 * 7, Activation.ReLU)]
            [Unflatten(32, 7, 7)]
            [Residual(Activation.LeakyReLU, NegativeSlope = 0.1)]
                [Upsample(2)]
                [Conv2d(8, 3, SamePadding = true)]
            [EndResidual]
            [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>
    /// Group and layer normalisation, on images and on features, with a model-wide Kaiming init that one layer overrides
    /// and another opts out of (TorchDefault).
    /// </summary>
    public const string Normed = Usings + """
        namespace Examples.Norm;

        [Autoencoder(Init = WeightInit.KaimingNormal)]
        [Input(1, 16, 16)]
        [Loss(ReconstructionLoss.BinaryCrossEntropy)]
        public partial class NormedAutoencoder
        {
            [Conv2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1)]
            [GroupNorm(4)]
            [Conv2d(16, 3, Activation.ReLU, Stride = 2, Padding = 1, Init = WeightInit.GlorotUniform)]
            [LayerNorm(Epsilon = 1e-3)]
            [Flatten]
            [Dense(32)]
            [GroupNorm(8)]
            [LayerNorm]
            public partial Tensor Encode(Tensor x);

            [Dense(16 * 4 * 4, Activation.ReLU, Init = WeightInit.TorchDefault)]
            [Unflatten(16, 4, 4)]
            [GroupNorm(1, Epsilon = 1e-4)]
            [ConvTranspose2d(8, 3, Activation.ReLU, Stride = 2, Padding = 1, OutputPadding = 1)]
            [ConvTranspose2d(1, 3, Activation.Sigmoid, Stride = 2, Padding = 1, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>
    /// Sub-pixel layers both ways: PixelUnshuffle downsamples without weights, and a convolution to C·r² channels before
    /// a PixelShuffle learns the sub-pixels of the upsampled image.
    /// </summary>
    public const string Pixel = Usings + """
        namespace Examples.Pixel;

        [Autoencoder]
        [Input(3, 16, 16)]
        public partial class PixelAutoencoder
        {
            [PixelUnshuffle(2)]
            [Conv2d(16, 3, Activation.ReLU, SamePadding = true)]
            [PixelUnshuffle(2)]
            [Conv2d(16, 1)]
            public partial Tensor Encode(Tensor x);

            [Conv2d(64, 3, Activation.ReLU, SamePadding = true)]
            [PixelShuffle(2)]
            [Conv2d(12, 3, SamePadding = true)]
            [PixelShuffle(2)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>
    /// Every training control: gradient clipping, early stopping that keeps the last weights, and a one-cycle schedule with
    /// all of its parameters set.
    /// </summary>
    public const string Controlled = Usings + """
        namespace Examples.Controls;

        [Autoencoder]
        [Input(64)]
        [Optimizer(OptimizerKind.AdamW, WeightDecay = 0.05)]
        [Training(Epochs = 40, BatchSize = 32, GradientClipNorm = 1.0)]
        [EarlyStopping(5, MinDelta = 1e-4, RestoreBestWeights = false)]
        [LearningRateSchedule(ScheduleKind.OneCycle, MaxLearningRate = 0.01, WarmupFraction = 0.25, DivFactor = 10, FinalDivFactor = 100)]
        public partial class ControlledAutoencoder
        {
            [Dense(32, Activation.ReLU)]
            [Dense(8)]
            public partial Tensor Encode(Tensor x);

            [Dense(32, Activation.ReLU)]
            [Dense(64, Activation.Sigmoid)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    /// <summary>A scale-hyperprior codec of photos of any size: GDN, the hyper-transforms, and the compression they fit.</summary>
    public const string Hyperprior = Usings + """
        namespace Examples.Codecs;

        [Autoencoder]
        [Input(3, Any.Height, Any.Width)]
        [Compression(0.01, Prior = EntropyPrior.ScaleHyperprior)]
        [Loss(ReconstructionLoss.MeanSquaredError)]
        public partial class HyperpriorCodec
        {
            [Conv2d(16, 5, Stride = 2, Padding = 2), Gdn]
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            public partial Tensor Encode(Tensor x);

            [ConvTranspose2d(16, 5, Stride = 2, Padding = 2, OutputPadding = 1), Gdn(Inverse = true)]
            [ConvTranspose2d(3, 5, Stride = 2, Padding = 2, OutputPadding = 1)]
            public partial Tensor Decode(Tensor z);

            [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
            [Conv2d(16, 5, Stride = 2, Padding = 2)]
            public partial Tensor HyperEncode(Tensor y);

            [ConvTranspose2d(16, 5, Activation.ReLU, Stride = 2, Padding = 2, OutputPadding = 1)]
            [Conv2d(16, 3, Activation.ReLU, Padding = 1)]
            public partial Tensor HyperDecode(Tensor z);
        }
        """;
}
