using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// The snake_case spelling of every enum value YAML may name. Written out rather than derived from the C#
/// names, so that renaming an enum member cannot silently change the file format (and AdamW stays 'adamw').
/// </summary>
internal static class YamlVocabulary
{
    public static readonly IReadOnlyList<KeyValuePair<string, Activation>> Activations = new[]
    {
        Pair("none", Activation.None),
        Pair("relu", Activation.ReLU),
        Pair("leaky_relu", Activation.LeakyReLU),
        Pair("sigmoid", Activation.Sigmoid),
        Pair("tanh", Activation.Tanh),
        Pair("gelu", Activation.GELU),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, ReconstructionLoss>> Losses = new[]
    {
        Pair("binary_cross_entropy", ReconstructionLoss.BinaryCrossEntropy),
        Pair("binary_cross_entropy_with_logits", ReconstructionLoss.BinaryCrossEntropyWithLogits),
        Pair("mean_squared_error", ReconstructionLoss.MeanSquaredError),
        Pair("l1", ReconstructionLoss.L1),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, OptimizerKind>> Optimizers = new[]
    {
        Pair("adam", OptimizerKind.Adam),
        Pair("adamw", OptimizerKind.AdamW),
        Pair("sgd", OptimizerKind.Sgd),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, ScheduleKind>> Schedules = new[]
    {
        Pair("step", ScheduleKind.Step),
        Pair("cosine", ScheduleKind.Cosine),
        Pair("one_cycle", ScheduleKind.OneCycle),
        Pair("reduce_on_plateau", ScheduleKind.ReduceOnPlateau),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, WeightInit>> Inits = new[]
    {
        Pair("default", WeightInit.Default),
        Pair("glorot_uniform", WeightInit.GlorotUniform),
        Pair("glorot_normal", WeightInit.GlorotNormal),
        Pair("kaiming_uniform", WeightInit.KaimingUniform),
        Pair("kaiming_normal", WeightInit.KaimingNormal),
        Pair("torch_default", WeightInit.TorchDefault),
        Pair("identity", WeightInit.Identity),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, Upsampling>> Upsamplings = new[]
    {
        Pair("nearest", Upsampling.Nearest),
        Pair("bilinear", Upsampling.Bilinear),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, EntropyPrior>> Priors = new[]
    {
        Pair("factorized", EntropyPrior.Factorized),
        Pair("scale_hyperprior", EntropyPrior.ScaleHyperprior),
        Pair("mean_scale_hyperprior", EntropyPrior.MeanScaleHyperprior),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, NoiseKind>> Noises = new[]
    {
        Pair("gaussian", NoiseKind.Gaussian),
        Pair("masking", NoiseKind.Masking),
        Pair("salt_and_pepper", NoiseKind.SaltAndPepper),
        Pair("block", NoiseKind.Block),
    };

    public static readonly IReadOnlyList<KeyValuePair<string, string>> Accessibilities = new[]
    {
        Pair("public", "public"),
        Pair("internal", "internal"),
    };

    public static string Names<T>(IReadOnlyList<KeyValuePair<string, T>> table) => string.Join(", ", table.Select(p => "'" + p.Key + "'"));

    private static KeyValuePair<string, T> Pair<T>(string name, T value) => new(name, value);
}
