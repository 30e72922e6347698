using System.Collections.Generic;
using Autoencoder.Generators.Common;
using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Spec;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>
    /// Reads an encoder or decoder: a list of single-key maps, the key naming the layer and the value its
    /// parameters as a map, e.g. <c>- dense: {units: 32, activation: relu}</c> or <c>- flatten: {}</c>.
    /// </summary>
    internal static class YamlLayers
    {
        public static EquatableArray<LayerSpec> Read(YamlNodeReader reader, YamlNode node, string role)
        {
            var layers = new List<LayerSpec>();
            if (node is not YamlSequenceNode sequence)
            {
                reader.WrongType(node, "The " + role, "a list of layers such as '- dense: {units: 32}'");
                return layers.ToEquatableArray();
            }

            for (var i = 0; i < sequence.Children.Count; i++)
            {
                var layer = ReadLayer(reader, sequence.Children[i], "layer " + (i + 1) + " of the " + role);
                if (layer is not null)
                {
                    layers.Add(layer);
                }
            }

            return layers.ToEquatableArray();
        }

        private static LayerSpec? ReadLayer(YamlNodeReader reader, YamlNode node, string where)
        {
            if (node is not YamlMappingNode { Children.Count: 1 } mapping)
            {
                reader.WrongType(node, "The " + where, "a map with one key, the layer's kind, such as 'dense: {units: 32}'");
                return null;
            }

            var entries = reader.Mapping(mapping, "a layer (the key names its kind)", YamlKeys.Layers);
            if (entries is null || entries.Count != 1)
            {
                return null;
            }

            // The layer's location is the whole list item, as an attribute's is the whole attribute.
            var location = reader.At(node);
            foreach (var entry in entries)
            {
                var kind = entry.Key;
                var body = entry.Value.Value;
                switch (kind)
                {
                    case "dense":
                        return Dense(reader, body, where, location);
                    case "flatten":
                        return reader.Mapping(body, "a flatten layer (it takes no parameters)", YamlKeys.Flatten) is null ? null : new FlattenSpec(location);
                    case "unflatten":
                        return Unflatten(reader, body, where, location);
                    case "dropout":
                        return Dropout(reader, body, where, location);
                }
            }

            return null;
        }

        private static LayerSpec? Dense(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a dense layer", YamlKeys.Dense);
            if (fields is null)
            {
                return null;
            }

            var units = Required(reader, fields, "units", body, "The dense " + where, "e.g. 'dense: {units: 32}'") is { } u ? reader.Int(u, "'units' of " + where) : null;
            var activation = fields.TryGetValue("activation", out var a) ? reader.Choice(a.Value, "The activation of " + where, YamlVocabulary.Activations) : Activation.None;
            var bias = fields.TryGetValue("bias", out var b) ? reader.Bool(b.Value, "'bias' of " + where) : true;
            var init = fields.TryGetValue("init", out var i) ? reader.Choice(i.Value, "The init of " + where, YamlVocabulary.Inits) : WeightInit.Default;
            var slope = fields.TryGetValue("negative_slope", out var s) ? reader.Number(s.Value, "'negative_slope' of " + where) : 0.01;
            return new DenseSpec(units ?? 0, activation, bias ?? true, slope ?? 0.01, init, location);
        }

        private static LayerSpec? Unflatten(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "an unflatten layer", YamlKeys.Unflatten);
            var shape = fields is null ? null : Required(reader, fields, "shape", body, "The unflatten " + where, "e.g. 'unflatten: {shape: [1, 28, 28]}'");
            var sizes = shape is null ? null : reader.Ints(shape, "'shape' of " + where);
            return sizes is null ? null : new UnflattenSpec(sizes.Value, location);
        }

        private static LayerSpec? Dropout(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a dropout layer", YamlKeys.Dropout);
            var rate = fields is null ? null : Required(reader, fields, "rate", body, "The dropout " + where, "e.g. 'dropout: {rate: 0.2}'");
            var value = rate is null ? null : reader.Number(rate, "'rate' of " + where);
            return value is null ? null : new DropoutSpec(value.Value, location);
        }

        internal static YamlNode? Required(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key, YamlNode owner, string what, string example)
        {
            if (fields.TryGetValue(key, out var entry))
            {
                return entry.Value;
            }

            reader.Report(DiagnosticDescriptors.YamlMissingField, owner, what, key, example);
            return null;
        }
    }
}
