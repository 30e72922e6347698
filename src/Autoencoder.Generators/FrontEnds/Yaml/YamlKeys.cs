namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>Every key of the YAML model format (docs/yaml.md), one list per map.</summary>
    internal static class YamlKeys
    {
        public static readonly string[] Model = { "name", "namespace", "accessibility", "input", "encoder", "decoder", "loss", "optimizer", "training", "init", "variational", "denoising", "sparse", "contractive", "vector_quantizer", "compression" };
        public static readonly string[] Layers =
        {
            "dense", "flatten", "unflatten", "dropout",
            "conv2d", "conv_transpose2d", "max_pool2d", "avg_pool2d", "upsample", "batch_norm", "dropout2d", "residual",
            "layer_norm", "group_norm",
        };
        public static readonly string[] Dense = { "units", "activation", "bias", "init", "negative_slope" };
        public static readonly string[] Flatten = { };
        public static readonly string[] Unflatten = { "shape" };
        public static readonly string[] Dropout = { "rate" };
        public static readonly string[] Conv2d = { "out_channels", "kernel_size", "stride", "padding", "same_padding", "dilation", "groups", "bias", "activation", "init", "negative_slope" };
        public static readonly string[] ConvTranspose2d = { "out_channels", "kernel_size", "stride", "padding", "output_padding", "dilation", "groups", "bias", "activation", "init", "negative_slope" };
        public static readonly string[] Pool2d = { "kernel_size", "stride" };
        public static readonly string[] Upsample = { "scale", "size", "mode" };
        public static readonly string[] BatchNorm = { };
        public static readonly string[] Dropout2d = { "rate" };
        public static readonly string[] Residual = { "layers", "activation", "negative_slope" };
        public static readonly string[] LayerNorm = { "epsilon" };
        public static readonly string[] GroupNorm = { "groups", "epsilon" };
        public static readonly string[] VectorQuantizer = { "codes", "dimension", "commitment_cost", "ema", "decay", "epsilon", "dead_code_threshold" };
        public static readonly string[] Compression = { "lambda" };
        public static readonly string[] Optimizer = { "kind", "learning_rate", "weight_decay", "momentum", "nesterov", "beta1", "beta2" };
        public static readonly string[] Training = { "epochs", "batch_size", "seed", "gradient_clip_norm", "early_stopping", "schedule" };
        public static readonly string[] Denoising = { "noise", "amount" };
        public static readonly string[] Sparse = { "l1", "target", "weight" };
        public static readonly string[] Contractive = { "weight" };
        public static readonly string[] EarlyStopping = { "patience", "min_delta", "restore_best_weights" };
        public static readonly string[] Schedule =
        {
            "kind", "step_size", "gamma", "min_learning_rate", "max_learning_rate", "warmup_fraction", "div_factor", "final_div_factor",
            "factor", "patience", "threshold",
        };
    }
}
