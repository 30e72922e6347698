using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// <c>compression: {lambda: 0.01}</c>, the YAML form of <c>[Compression(0.01)]</c>. λ keeps its own node's location, so
/// analysis points at the value when it is wrong.
/// </summary>
internal static class YamlCompression
{
    private const string What = "'compression'";

    public static CompressionSpec? Read(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, What, YamlKeys.Compression, YamlKeys.Renamed.Compression);
        if (fields is null)
        {
            return null;
        }

        var lambda = reader.Required(fields, "rate_weight", node, "'compression'", "λ, the weight of the rate (bits per pixel) against the distortion, e.g. 'compression: {rate_weight: 0.01}'");
        if (lambda is null)
        {
            return null;
        }

        var value = reader.Number(lambda, "'rate_weight' of " + What);
        return value is null ? null : new CompressionSpec(value.Value, reader.At(lambda), reader.At(node));
    }
}
