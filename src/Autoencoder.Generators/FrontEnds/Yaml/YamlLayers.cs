using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// Reads an encoder or decoder: a list of single-key maps, the key naming the layer's kind and the value its
/// parameters as a map, e.g. <c>- dense: {units: 32, activation: relu}</c> or <c>- flatten: {}</c>. The kinds and
/// their keys come from <see cref="LayerKinds"/>.
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

        var entries = reader.Mapping(mapping, "a layer (the key names its kind)", LayerKinds.YamlKeys);
        if (entries is null || entries.Count != 1)
        {
            return null;
        }

        foreach (var entry in entries)
        {
            var kind = LayerKinds.ForYamlKey(entry.Key);
            var body = entry.Value.Value;
            var fields = kind is null ? null : reader.Mapping(body, kind.YamlDescription, LayerKinds.YamlFields(kind));
            if (kind is null || fields is null)
            {
                return null;
            }

            // The layer's location is the whole list item, as an attribute's is the whole attribute.
            return kind.Read(new YamlLayerArguments(reader, kind, fields, body, where, reader.At(node)));
        }

        return null;
    }
}
