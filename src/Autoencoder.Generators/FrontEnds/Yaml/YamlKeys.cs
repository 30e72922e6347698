using System.Collections.Generic;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>Every key of the YAML model format outside the layers (docs/yaml.md), one list per map; layer keys come from <see cref="Layers.LayerKinds"/>.</summary>
internal static class YamlKeys
{
    public static readonly string[] Model = { "name", "namespace", "accessibility", "input", "encoder", "decoder", "loss", "optimizer", "training", "training_data", "init", "variational", "denoising", "sparse", "contractive", "vector_quantized", "compression", "hyper_encoder", "hyper_decoder" };
    public static readonly string[] VectorQuantized = { "codes", "dimension", "commitment_weight", "ema", "codebook_decay", "codebook_epsilon", "dead_code_threshold" };
    public static readonly string[] Compression = { "rate_weight", "prior" };
    public static readonly string[] Optimizer = { "kind", "learning_rate", "weight_decay", "momentum", "nesterov", "beta1", "beta2" };
    public static readonly string[] TrainingData = { "patch_size", "flip_horizontal", "flip_vertical", "minimum_scale", "patches_per_image" };

    public static readonly string[] Training = { "epochs", "batch_size", "seed", "gradient_clip_norm", "early_stopping", "schedule" };
    public static readonly string[] Denoising = { "noise", "amount", "predict_noise", "clip" };
    public static readonly string[] Sparse = { "l1_weight", "sparsity_target", "sparsity_weight" };
    public static readonly string[] Contractive = { "contractive_weight" };
    public static readonly string[] EarlyStopping = { "patience", "min_delta", "restore_best_weights" };
    public static readonly string[] Schedule =
    {
        "kind", "step_size", "gamma", "min_learning_rate", "max_learning_rate", "warmup_fraction", "div_factor", "final_div_factor",
        "factor", "patience", "threshold",
    };

    /// <summary>Former spellings, read as the new ones with a warning (AE0106): the weight of a loss term is named after the term.</summary>
    public static class Renamed
    {
        public static readonly IReadOnlyDictionary<string, string> Variational = new Dictionary<string, string>
        {
            ["latent"] = "latent_size",
            ["beta"] = "kl_weight",
            ["binarize"] = "binarize_inputs",
        };

        public static readonly IReadOnlyDictionary<string, string> Compression = new Dictionary<string, string> { ["lambda"] = "rate_weight" };

        public static readonly IReadOnlyDictionary<string, string> Sparse = new Dictionary<string, string>
        {
            ["l1"] = "l1_weight",
            ["target"] = "sparsity_target",
            ["weight"] = "sparsity_weight",
        };

        public static readonly IReadOnlyDictionary<string, string> Model = new Dictionary<string, string> { ["vector_quantizer"] = "vector_quantized" };

        public static readonly IReadOnlyDictionary<string, string> VectorQuantized = new Dictionary<string, string>
        {
            ["commitment_cost"] = "commitment_weight",
            ["decay"] = "codebook_decay",
            ["epsilon"] = "codebook_epsilon",
        };

        public static readonly IReadOnlyDictionary<string, string> Contractive = new Dictionary<string, string> { ["weight"] = "contractive_weight" };
    }
}
