namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>
/// YAML twins of <see cref="Models"/>, each beside an attribute declaration of the same model, name and
/// namespace. YAML cannot nest a class or rename a parameter, so the deep twin's Decode takes 'z' and the
/// nested model's twin is top-level with public methods.
/// </summary>
internal static class YamlModels
{
    public const string Classic = """
        name: MnistAutoencoder
        namespace: Examples
        input: [1, 28, 28]
        encoder:
          - flatten: {}
          - dense: {units: 32, activation: relu}
        decoder:
          - dense: {units: 784, activation: sigmoid}
          - unflatten: {shape: [1, 28, 28]}
        loss: binary_cross_entropy
        optimizer: {kind: adam, learning_rate: 1e-3}
        training: {epochs: 20, batch_size: 256, seed: 42}
        """;

    public static readonly string ClassicAttributes = Models.Classic;

    public const string Deep = """
        name: DeepAutoencoder
        namespace: Examples.Deep
        accessibility: internal
        input: [784]
        encoder:
          - dense: {units: 1000, activation: relu}
          - dense: {units: 500, activation: relu}
          - dense: {units: 250, activation: relu}
          - dense: {units: 30}
        decoder:
          - dense: {units: 250, activation: relu}
          - dense: {units: 500, activation: relu}
          - dense: {units: 1000, activation: relu}
          - dense: {units: 784}
        loss: binary_cross_entropy_with_logits
        optimizer:
          kind: adamw
          learning_rate: 0.001
          weight_decay: 0.0001
        training:
          epochs: 30
          batch_size: 128
        """;

    public static readonly string DeepAttributes = Models.Deep.Replace("Decode(Tensor code)", "Decode(Tensor z)");

    public const string Tiny = """
        name: Tiny
        input: [64]
        encoder:
          - dropout: {rate: 0.1}
          - dense: {units: 16, activation: leaky_relu, negative_slope: 0.2}
          - dense: {units: 8, activation: tanh, bias: false}
        decoder:
          - dense: {units: 16, activation: gelu}
          - dense: {units: 64, activation: sigmoid, init: kaiming_normal}
        loss: l1
        optimizer: {kind: sgd, learning_rate: 0.05, momentum: 0.9, nesterov: true}
        """;

    public const string TinyAttributes = Models.Usings + """
        [Autoencoder]
        [Input(64)]
        [Loss(ReconstructionLoss.L1)]
        [Optimizer(OptimizerKind.Sgd, LearningRate = 0.05, Momentum = 0.9, Nesterov = true)]
        public partial class Tiny
        {
            [Dropout(0.1)]
            [Dense(16, Activation.LeakyReLU, NegativeSlope = 0.2)]
            [Dense(8, Activation.Tanh, Bias = false)]
            public partial Tensor Encode(Tensor x);

            [Dense(16, Activation.GELU)]
            [Dense(64, Activation.Sigmoid, Init = WeightInit.KaimingNormal)]
            public partial Tensor Decode(Tensor z);
        }
        """;

    public const string Conv = """
        name: ConvAutoencoder
        namespace: Examples.Conv
        input: [1, 28, 28]
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, stride: 2, padding: 1, init: kaiming_normal}
          - conv2d: {out_channels: 32, kernel_size: 3, activation: relu, stride: 2, padding: 1}
          - flatten:
          - dense: {units: 16}
        decoder:
          - dense: {units: 1568, activation: relu}
          - unflatten: {shape: [32, 7, 7]}
          - conv_transpose2d: {out_channels: 16, kernel_size: 3, activation: relu, stride: 2, padding: 1, output_padding: 1}
          - conv_transpose2d: {out_channels: 1, kernel_size: 3, activation: sigmoid, stride: 2, padding: 1, output_padding: 1}
        loss: binary_cross_entropy
        """;

    public static readonly string ConvAttributes = Models.Conv;

    public const string Pooled = """
        name: PooledAutoencoder
        namespace: Examples.Conv
        input: [2, 28, 28]
        encoder:
          - conv2d: {out_channels: 8, kernel_size: 3, activation: relu, same_padding: true, groups: 2}
          - batch_norm: {}
          - max_pool2d: {kernel_size: 2}
          - dropout2d: {rate: 0.1}
          - conv2d: {out_channels: 8, kernel_size: 3, activation: leaky_relu, padding: 2, dilation: 2, bias: false, negative_slope: 0.2}
          - avg_pool2d: {kernel_size: 3, stride: 2}
          - flatten: {}
          - dense: {units: 32}
          - batch_norm:
        decoder:
          - dense: {units: 392, activation: relu}
          - unflatten: {shape: [8, 7, 7]}
          - upsample: {scale: 2}
          - conv2d: {out_channels: 8, kernel_size: 3, activation: relu, padding: 1}
          - upsample: {scale: 2, mode: bilinear}
          - conv2d: {out_channels: 2, kernel_size: 3, padding: 1}
        """;

    public static readonly string PooledAttributes = Models.Pooled;

    public const string Residual = """
        name: ResidualAutoencoder
        namespace: Examples.Residual
        input: [1, 28, 28]
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, same_padding: true}
          - residual:
              activation: relu
              layers:
                - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, same_padding: true}
                - conv2d: {out_channels: 16, kernel_size: 3, same_padding: true}
          - residual:
              activation: relu
              layers:
                - conv2d: {out_channels: 32, kernel_size: 3, activation: relu, stride: 2, padding: 1}
                - residual: {layers: [conv2d: {out_channels: 32, kernel_size: 3, same_padding: true}]}
          - flatten:
          - residual: {activation: tanh, layers: [dense: {units: 64, activation: relu}]}
        decoder:
          - dense: {units: 1568, activation: relu}
          - unflatten: {shape: [32, 7, 7]}
          - residual:
              activation: leaky_relu
              negative_slope: 0.1
              layers:
                - upsample: {scale: 2}
                - conv2d: {out_channels: 8, kernel_size: 3, same_padding: true}
          - conv_transpose2d: {out_channels: 1, kernel_size: 3, activation: sigmoid, stride: 2, padding: 1, output_padding: 1}
        """;

    public static readonly string ResidualAttributes = Models.Residual;

    public const string Normed = """
        name: NormedAutoencoder
        namespace: Examples.Norm
        input: [1, 16, 16]
        init: kaiming_normal
        encoder:
          - conv2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1}
          - group_norm: {groups: 4}
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, stride: 2, padding: 1, init: glorot_uniform}
          - layer_norm: {epsilon: 1e-3}
          - flatten: {}
          - dense: {units: 32}
          - group_norm: {groups: 8}
          - layer_norm: {}
        decoder:
          - dense: {units: 256, activation: relu, init: torch_default}
          - unflatten: {shape: [16, 4, 4]}
          - group_norm: {groups: 1, epsilon: 0.0001}
          - conv_transpose2d: {out_channels: 8, kernel_size: 3, activation: relu, stride: 2, padding: 1, output_padding: 1}
          - conv_transpose2d: {out_channels: 1, kernel_size: 3, activation: sigmoid, stride: 2, padding: 1, output_padding: 1}
        loss: binary_cross_entropy
        """;

    public static readonly string NormedAttributes = Models.Normed;

    public const string Pixel = """
        name: PixelAutoencoder
        namespace: Examples.Pixel
        input: [3, 16, 16]
        encoder:
          - pixel_unshuffle: {factor: 2}
          - conv2d: {out_channels: 16, kernel_size: 3, activation: relu, same_padding: true}
          - pixel_unshuffle: {factor: 2}
          - conv2d: {out_channels: 16, kernel_size: 1}
        decoder:
          - conv2d: {out_channels: 64, kernel_size: 3, activation: relu, same_padding: true}
          - pixel_shuffle: {factor: 2}
          - conv2d: {out_channels: 12, kernel_size: 3, same_padding: true}
          - pixel_shuffle: {factor: 2}
        """;

    public static readonly string PixelAttributes = Models.Pixel;

    public const string Controlled = """
        name: ControlledAutoencoder
        namespace: Examples.Controls
        input: [64]
        encoder:
          - dense: {units: 32, activation: relu}
          - dense: {units: 8}
        decoder:
          - dense: {units: 32, activation: relu}
          - dense: {units: 64, activation: sigmoid}
        optimizer: {kind: adamw, weight_decay: 0.05}
        training:
          epochs: 40
          batch_size: 32
          gradient_clip_norm: 1.0
          early_stopping: {patience: 5, min_delta: 0.0001, restore_best_weights: false}
          schedule:
            kind: one_cycle
            max_learning_rate: 0.01
            warmup_fraction: 0.25
            div_factor: 10
            final_div_factor: 100
        """;

    public static readonly string ControlledAttributes = Models.Controlled;

    public const string Hyperprior = """
        name: HyperpriorCodec
        namespace: Examples.Codecs
        input: [3, H, W]
        compression: {rate_weight: 0.01, prior: mean_scale_hyperprior}
        encoder:
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
          - gdn: {}
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
        decoder:
          - conv_transpose2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
          - gdn: {inverse: true}
          - conv_transpose2d: {out_channels: 3, kernel_size: 5, stride: 2, padding: 2, output_padding: 1}
        hyper_encoder:
          - conv2d: {out_channels: 16, kernel_size: 3, padding: 1, activation: relu}
          - conv2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2}
        hyper_decoder:
          - conv_transpose2d: {out_channels: 16, kernel_size: 5, stride: 2, padding: 2, output_padding: 1, activation: relu}
          - conv2d: {out_channels: 32, kernel_size: 3, padding: 1}
        """;
}
