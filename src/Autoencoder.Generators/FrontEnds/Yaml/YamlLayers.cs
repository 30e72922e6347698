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
                    case "conv2d":
                        return Conv2d(reader, body, where, location);
                    case "conv_transpose2d":
                        return ConvTranspose2d(reader, body, where, location);
                    case "max_pool2d":
                        return Pool2d(reader, body, where, location, PoolKind.Max, "max_pool2d");
                    case "avg_pool2d":
                        return Pool2d(reader, body, where, location, PoolKind.Average, "avg_pool2d");
                    case "upsample":
                        return Upsample(reader, body, where, location);
                    case "batch_norm":
                        return reader.Mapping(body, "a batch_norm layer (it takes no parameters)", YamlKeys.BatchNorm) is null ? null : new BatchNormSpec(location);
                    case "dropout2d":
                        return Dropout2d(reader, body, where, location);
                    case "residual":
                        return Residual(reader, body, where, location);
                    case "layer_norm":
                        return YamlNormLayers.LayerNorm(reader, body, where, location);
                    case "group_norm":
                        return YamlNormLayers.GroupNorm(reader, body, where, location);
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

        private static LayerSpec? Conv2d(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a conv2d layer", YamlKeys.Conv2d);
            if (fields is null)
            {
                return null;
            }

            var conv = ConvFields.Read(reader, fields, body, "conv2d", where);
            var samePadding = fields.TryGetValue("same_padding", out var sp) ? reader.Bool(sp.Value, "'same_padding' of " + where) : false;
            return new Conv2dSpec(conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, samePadding ?? false, conv.Dilation, conv.Groups, conv.Bias, conv.Activation, conv.NegativeSlope, conv.Init, location);
        }

        private static LayerSpec? ConvTranspose2d(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a conv_transpose2d layer", YamlKeys.ConvTranspose2d);
            if (fields is null)
            {
                return null;
            }

            var conv = ConvFields.Read(reader, fields, body, "conv_transpose2d", where);
            var outputPadding = OptionalInt(reader, fields, "output_padding", where, 0);
            return new ConvTranspose2dSpec(conv.OutChannels, conv.KernelSize, conv.Stride, conv.Padding, outputPadding, conv.Dilation, conv.Groups, conv.Bias, conv.Activation, conv.NegativeSlope, conv.Init, location);
        }

        private static LayerSpec? Pool2d(YamlNodeReader reader, YamlNode body, string where, LocationInfo location, PoolKind kind, string name)
        {
            var fields = reader.Mapping(body, "a " + name + " layer", YamlKeys.Pool2d);
            if (fields is null)
            {
                return null;
            }

            var kernel = Required(reader, fields, "kernel_size", body, "The " + name + " " + where, "e.g. '" + name + ": {kernel_size: 2}'") is { } k ? reader.Int(k, "'kernel_size' of " + where) : null;

            // Left null when unset, as the attribute front-end does: the spec then means "the kernel size".
            var stride = fields.TryGetValue("stride", out var s) ? reader.Int(s.Value, "'stride' of " + where) : null;
            return new Pool2dSpec(kind, kernel ?? 0, stride, location);
        }

        private static LayerSpec? Upsample(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "an upsample layer", YamlKeys.Upsample);
            if (fields is null)
            {
                return null;
            }

            int? scale = null, height = null, width = null;
            if (fields.TryGetValue("scale", out var s))
            {
                scale = reader.Int(s.Value, "'scale' of " + where) ?? 0;
            }

            if (fields.TryGetValue("size", out var z))
            {
                var size = reader.Ints(z.Value, "'size' of " + where);
                if (size is { Count: 2 } sides)
                {
                    (height, width) = (sides[0], sides[1]);
                }
                else if (size is not null)
                {
                    reader.WrongType(z.Value, "'size' of " + where, "[height, width], e.g. [28, 28]");
                }
            }
            else if (scale is null)
            {
                reader.Report(DiagnosticDescriptors.YamlMissingField, body, "The upsample " + where, "scale", "e.g. 'upsample: {scale: 2}', or give a 'size' such as 'upsample: {size: [28, 28]}'");
                return null;
            }

            var mode = fields.TryGetValue("mode", out var m) ? reader.Choice(m.Value, "The mode of " + where, YamlVocabulary.Upsamplings) : Upsampling.Nearest;
            return new UpsampleSpec(scale, height, width, mode, location);
        }

        private static LayerSpec? Dropout2d(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a dropout2d layer", YamlKeys.Dropout2d);
            var rate = fields is null ? null : Required(reader, fields, "rate", body, "The dropout2d " + where, "e.g. 'dropout2d: {rate: 0.1}'");
            var value = rate is null ? null : reader.Number(rate, "'rate' of " + where);
            return value is null ? null : new Dropout2dSpec(value.Value, location);
        }

        private static LayerSpec? Residual(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a residual block", YamlKeys.Residual);
            if (fields is null)
            {
                return null;
            }

            var example = "e.g. 'residual: {activation: relu, layers: [{conv2d: {out_channels: 16, kernel_size: 3, same_padding: true}}]}'";
            var layersNode = Required(reader, fields, "layers", body, "The residual block at " + where, example);
            var activation = fields.TryGetValue("activation", out var a) ? reader.Choice(a.Value, "The activation of " + where, YamlVocabulary.Activations) : Activation.None;
            var slope = fields.TryGetValue("negative_slope", out var s) ? reader.Number(s.Value, "'negative_slope' of " + where) : 0.01;
            var layers = layersNode is null ? EquatableArray<LayerSpec>.Empty : Read(reader, layersNode, "residual block at " + where);
            return new ResidualSpec(layers, activation, slope ?? 0.01, location);
        }

        /// <summary>An optional integer; a value of the wrong type is reported and the default stands in (nothing is generated then).</summary>
        private static int OptionalInt(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key, string where, int fallback)
            => fields.TryGetValue(key, out var entry) ? reader.Int(entry.Value, "'" + key + "' of " + where) ?? fallback : fallback;

        /// <summary>The parameters conv2d and conv_transpose2d share, with the attributes' defaults.</summary>
        private readonly struct ConvFields
        {
            private ConvFields(int outChannels, int kernelSize, int stride, int padding, int dilation, int groups, bool bias, Activation activation, double negativeSlope, WeightInit init)
            {
                OutChannels = outChannels;
                KernelSize = kernelSize;
                Stride = stride;
                Padding = padding;
                Dilation = dilation;
                Groups = groups;
                Bias = bias;
                Activation = activation;
                NegativeSlope = negativeSlope;
                Init = init;
            }

            public int OutChannels { get; }

            public int KernelSize { get; }

            public int Stride { get; }

            public int Padding { get; }

            public int Dilation { get; }

            public int Groups { get; }

            public bool Bias { get; }

            public Activation Activation { get; }

            public double NegativeSlope { get; }

            public WeightInit Init { get; }

            public static ConvFields Read(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, YamlNode body, string name, string where)
            {
                var example = "e.g. '" + name + ": {out_channels: 16, kernel_size: 3}'";
                var outChannels = Required(reader, fields, "out_channels", body, "The " + name + " " + where, example) is { } o ? reader.Int(o, "'out_channels' of " + where) : null;
                var kernelSize = Required(reader, fields, "kernel_size", body, "The " + name + " " + where, example) is { } k ? reader.Int(k, "'kernel_size' of " + where) : null;
                var activation = fields.TryGetValue("activation", out var a) ? reader.Choice(a.Value, "The activation of " + where, YamlVocabulary.Activations) : Activation.None;
                var bias = fields.TryGetValue("bias", out var b) ? reader.Bool(b.Value, "'bias' of " + where) : true;
                var init = fields.TryGetValue("init", out var i) ? reader.Choice(i.Value, "The init of " + where, YamlVocabulary.Inits) : WeightInit.Default;
                var slope = fields.TryGetValue("negative_slope", out var s) ? reader.Number(s.Value, "'negative_slope' of " + where) : 0.01;
                return new ConvFields(
                    outChannels ?? 0,
                    kernelSize ?? 0,
                    OptionalInt(reader, fields, "stride", where, 1),
                    OptionalInt(reader, fields, "padding", where, 0),
                    OptionalInt(reader, fields, "dilation", where, 1),
                    OptionalInt(reader, fields, "groups", where, 1),
                    bias ?? true,
                    activation,
                    slope ?? 0.01,
                    init);
            }
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
