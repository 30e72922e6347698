using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// <c>compression: {rate_weight: 0.01, prior: scale_hyperprior}</c>, the YAML form of
/// <c>[Compression(0.01, Prior = EntropyPrior.ScaleHyperprior)]</c>; the hyper-transforms are the model's <c>hyper_encoder</c>
/// and <c>hyper_decoder</c> lists, read beside the encoder and decoder. λ and the prior keep their own nodes' locations, so
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
        if (value is null)
        {
            return null;
        }

        var prior = fields.TryGetValue("prior", out var p) ? reader.Choice(p.Value, "'prior' of " + What, YamlVocabulary.Priors) : EntropyPrior.Factorized;
        return new CompressionSpec(value.Value, reader.At(lambda), reader.At(node))
        {
            Prior = prior,
            PriorLocation = fields.TryGetValue("prior", out var at) ? reader.At(at.Value) : reader.At(node),
        };
    }
}
