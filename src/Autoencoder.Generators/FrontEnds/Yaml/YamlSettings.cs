using Autoencoder.Generators.Spec;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>The optimizer and training maps; absent keys stay null, as unset attribute properties do.</summary>
    internal static class YamlSettings
    {
        public static readonly OptimizerSpec DefaultOptimizer = new(OptimizerKind.Adam, null, null, null, null, null, null, null);

        public static readonly TrainingSpec DefaultTraining = new(null, null, null, null);

        public static OptimizerSpec Optimizer(YamlNodeReader reader, YamlNode node)
        {
            var fields = reader.Mapping(node, "'optimizer'", YamlKeys.Optimizer);
            if (fields is null)
            {
                return DefaultOptimizer;
            }

            var kind = YamlLayers.Required(reader, fields, "kind", node, "'optimizer'", "e.g. 'optimizer: {kind: adam, learning_rate: 0.001}'");
            return new OptimizerSpec(
                kind is null ? OptimizerKind.Adam : reader.Choice(kind, "The optimizer's 'kind'", YamlVocabulary.Optimizers),
                fields.TryGetValue("learning_rate", out var lr) ? reader.Number(lr.Value, "'learning_rate'") : null,
                fields.TryGetValue("weight_decay", out var wd) ? reader.Number(wd.Value, "'weight_decay'") : null,
                fields.TryGetValue("momentum", out var m) ? reader.Number(m.Value, "'momentum'") : null,
                fields.TryGetValue("nesterov", out var n) ? reader.Bool(n.Value, "'nesterov'") : null,
                fields.TryGetValue("beta1", out var b1) ? reader.Number(b1.Value, "'beta1'") : null,
                fields.TryGetValue("beta2", out var b2) ? reader.Number(b2.Value, "'beta2'") : null,
                reader.At(node));
        }

        public static TrainingSpec Training(YamlNodeReader reader, YamlNode node)
        {
            var fields = reader.Mapping(node, "'training'", YamlKeys.Training);
            if (fields is null)
            {
                return DefaultTraining;
            }

            return new TrainingSpec(
                fields.TryGetValue("epochs", out var e) ? reader.Int(e.Value, "'epochs'") : null,
                fields.TryGetValue("batch_size", out var b) ? reader.Int(b.Value, "'batch_size'") : null,
                fields.TryGetValue("seed", out var s) ? reader.Long(s.Value, "'seed'") : null,
                reader.At(node));
        }
    }
}
