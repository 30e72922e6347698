namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>Every key of the YAML model format (docs/yaml.md), one list per map.</summary>
    internal static class YamlKeys
    {
        public static readonly string[] Model = { "name", "namespace", "accessibility", "input", "encoder", "decoder", "loss", "optimizer", "training" };
        public static readonly string[] Layers = { "dense", "flatten", "unflatten", "dropout" };
        public static readonly string[] Dense = { "units", "activation", "bias", "init", "negative_slope" };
        public static readonly string[] Flatten = { };
        public static readonly string[] Unflatten = { "shape" };
        public static readonly string[] Dropout = { "rate" };
        public static readonly string[] Optimizer = { "kind", "learning_rate", "weight_decay", "momentum", "nesterov", "beta1", "beta2" };
        public static readonly string[] Training = { "epochs", "batch_size", "seed" };
    }
}
