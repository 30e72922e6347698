namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>Every key of the YAML model format outside the layers (docs/yaml.md), one list per map; layer keys come from <see cref="Layers.LayerKinds"/>.</summary>
    internal static class YamlKeys
    {
        public static readonly string[] Model = { "name", "namespace", "accessibility", "input", "encoder", "decoder", "loss", "optimizer", "training", "init", "variational", "denoising", "sparse", "contractive", "vector_quantizer", "compression" };
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
