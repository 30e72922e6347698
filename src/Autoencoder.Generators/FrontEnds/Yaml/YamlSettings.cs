using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>The optimizer and training maps; absent keys stay null, as unset attribute properties do.</summary>
internal static class YamlSettings
{
    public static readonly OptimizerSpec DefaultOptimizer = new(OptimizerKind.Adam, null, null, null, null, null, null, null);

    public static readonly TrainingSpec DefaultTraining = TrainingSpec.Unset;

    public static OptimizerSpec Optimizer(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'optimizer'", YamlKeys.Optimizer);
        if (fields is null)
        {
            return DefaultOptimizer;
        }

        var kind = reader.Required(fields, "kind", node, "'optimizer'", "e.g. 'optimizer: {kind: adam, learning_rate: 0.001}'");
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
            fields.TryGetValue("gradient_clip_norm", out var g) ? reader.Number(g.Value, "'gradient_clip_norm'") : null,
            fields.TryGetValue("early_stopping", out var es) ? EarlyStopping(reader, es.Value) : null,
            fields.TryGetValue("schedule", out var sc) ? Schedule(reader, sc.Value) : null,
            reader.At(node));
    }

    /// <summary><c>training_data: {patch_size: 256, flip_horizontal: true, flip_vertical: false, minimum_scale: 0.5, patches_per_image: 4}</c>; every key optional.</summary>
    public static TrainingDataSpec? TrainingData(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'training_data'", YamlKeys.TrainingData);
        return fields is null
            ? null
            : new TrainingDataSpec(
                fields.TryGetValue("patch_size", out var p) ? reader.Int(p.Value, "'patch_size'") : null,
                fields.TryGetValue("flip_horizontal", out var h) ? reader.Bool(h.Value, "'flip_horizontal'") : null,
                fields.TryGetValue("flip_vertical", out var v) ? reader.Bool(v.Value, "'flip_vertical'") : null,
                fields.TryGetValue("minimum_scale", out var m) ? reader.Number(m.Value, "'minimum_scale'") : null,
                fields.TryGetValue("patches_per_image", out var k) ? reader.Int(k.Value, "'patches_per_image'") : null,
                reader.At(node));
    }

    /// <summary><c>early_stopping: {patience: 5, min_delta: 0.001, restore_best_weights: true}</c>; patience is required.</summary>
    private static EarlyStoppingSpec? EarlyStopping(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'early_stopping'", YamlKeys.EarlyStopping);
        if (fields is null)
        {
            return null;
        }

        var patience = reader.Required(fields, "patience", node, "'early_stopping'", "the epochs without improvement before training stops, e.g. 'early_stopping: {patience: 5}'");
        return new EarlyStoppingSpec(
            (patience is null ? null : reader.Int(patience, "'patience' of 'early_stopping'")) ?? 0,
            fields.TryGetValue("min_delta", out var d) ? reader.Number(d.Value, "'min_delta' of 'early_stopping'") : null,
            fields.TryGetValue("restore_best_weights", out var r) ? reader.Bool(r.Value, "'restore_best_weights' of 'early_stopping'") : null,
            reader.At(node));
    }

    /// <summary>
    /// <c>schedule: {kind: step, step_size: 10, gamma: 0.5}</c>. Every kind's keys are accepted here; which apply to the
    /// chosen kind, and which it requires, is checked by analysis, as for the attribute.
    /// </summary>
    private static ScheduleSpec? Schedule(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'schedule'", YamlKeys.Schedule);
        if (fields is null)
        {
            return null;
        }

        var kind = reader.Required(fields, "kind", node, "'schedule'", "one of " + YamlVocabulary.Names(YamlVocabulary.Schedules) + ", e.g. 'schedule: {kind: cosine}'");
        return new ScheduleSpec(
            kind is null ? ScheduleKind.Step : reader.Choice(kind, "The schedule's 'kind'", YamlVocabulary.Schedules),
            Int(reader, fields, "step_size"),
            Number(reader, fields, "gamma"),
            Number(reader, fields, "min_learning_rate"),
            Number(reader, fields, "max_learning_rate"),
            Number(reader, fields, "warmup_fraction"),
            Number(reader, fields, "div_factor"),
            Number(reader, fields, "final_div_factor"),
            Number(reader, fields, "factor"),
            Int(reader, fields, "patience"),
            Number(reader, fields, "threshold"),
            reader.At(node));
    }

    private static int? Int(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key)
        => fields.TryGetValue(key, out var entry) ? reader.Int(entry.Value, "'" + key + "' of 'schedule'") : null;

    private static double? Number(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key)
        => fields.TryGetValue(key, out var entry) ? reader.Number(entry.Value, "'" + key + "' of 'schedule'") : null;
}
