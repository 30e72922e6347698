using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// <c>vector_quantized: {codes: 512, dimension: 64, commitment_weight: 0.25, ema: true, codebook_decay: 0.99}</c>, the YAML form of
/// <c>[VectorQuantized]</c>. Each value keeps its own node's location, so analysis points at the value that is wrong.
/// </summary>
internal static class YamlVectorQuantized
{
    private const string What = "'vector_quantized'";

    public static VectorQuantizedSpec? Read(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, What, YamlKeys.VectorQuantized, YamlKeys.Renamed.VectorQuantized);
        if (fields is null)
        {
            return null;
        }

        const string Example = "e.g. 'vector_quantized: {codes: 512, dimension: 64}'";
        var codes = reader.Required(fields, "codes", node, "The vector quantizer", "the codebook size K, " + Example);
        var dimension = reader.Required(fields, "dimension", node, "The vector quantizer", "the code dimension D, the encoder output's channels, " + Example);
        return new VectorQuantizedSpec(
            (codes is null ? null : reader.Int(codes, "'codes' of " + What)) ?? 0,
            (dimension is null ? null : reader.Int(dimension, "'dimension' of " + What)) ?? 0,
            Number(reader, fields, "commitment_weight"),
            fields.TryGetValue("ema", out var ema) ? reader.Bool(ema.Value, "'ema' of " + What) : null,
            Number(reader, fields, "codebook_decay"),
            Number(reader, fields, "codebook_epsilon"),
            Number(reader, fields, "dead_code_threshold"),
            new VectorQuantizedLocations(
                codes is null ? null : reader.At(codes),
                dimension is null ? null : reader.At(dimension),
                At(reader, fields, "commitment_weight"),
                At(reader, fields, "ema"),
                At(reader, fields, "codebook_decay"),
                At(reader, fields, "codebook_epsilon"),
                At(reader, fields, "dead_code_threshold")),
            reader.At(node));
    }

    private static double? Number(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key)
        => fields.TryGetValue(key, out var entry) ? reader.Number(entry.Value, "'" + key + "' of " + What) : null;

    private static LocationInfo? At(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key)
        => fields.TryGetValue(key, out var entry) ? reader.At(entry.Value) : null;
}
