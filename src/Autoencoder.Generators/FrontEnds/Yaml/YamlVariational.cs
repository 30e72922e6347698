using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// <c>variational: {latent_size: 50, kl_weight: 1, likelihood: bernoulli, binarize_inputs: true}</c>, the YAML form of [Variational];
/// absent keys take the attribute's defaults. Values are checked by the shared analysis, at this map.
/// </summary>
internal static class YamlVariational
{
    public static readonly string[] Keys = { "latent_size", "kl_weight", "likelihood", "binarize_inputs" };

    public static readonly IReadOnlyList<KeyValuePair<string, Likelihood>> Likelihoods = new[]
    {
        new KeyValuePair<string, Likelihood>("bernoulli", Likelihood.Bernoulli),
        new KeyValuePair<string, Likelihood>("gaussian", Likelihood.Gaussian),
    };

    public static VariationalSpec? Read(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'variational'", Keys, YamlKeys.Renamed.Variational);
        if (fields is null)
        {
            return null;
        }

        var latent = reader.Required(fields, "latent_size", node, "'variational'", "the number of latent units, e.g. 'variational: {latent_size: 50}'");
        return new VariationalSpec(
            (latent is null ? null : reader.Int(latent, "'latent_size' of 'variational'")) ?? 0,
            (fields.TryGetValue("kl_weight", out var b) ? reader.Number(b.Value, "'kl_weight' of 'variational'") : null) ?? Defaults.KlWeight,
            fields.TryGetValue("likelihood", out var l) ? reader.Choice(l.Value, "'likelihood' of 'variational'", Likelihoods) : Likelihood.Bernoulli,
            (fields.TryGetValue("binarize_inputs", out var z) ? reader.Bool(z.Value, "'binarize_inputs' of 'variational'") : null) ?? false,
            reader.At(node));
    }
}
