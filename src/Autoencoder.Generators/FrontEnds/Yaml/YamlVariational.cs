using System.Collections.Generic;
using Autoencoder.Generators.Spec;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>
    /// <c>variational: {latent: 50, beta: 1, likelihood: bernoulli, binarize: true}</c>, the YAML form of [Variational];
    /// absent keys take the attribute's defaults. Values are checked by the shared analysis, at this map.
    /// </summary>
    internal static class YamlVariational
    {
        public static readonly string[] Keys = { "latent", "beta", "likelihood", "binarize" };

        public static readonly IReadOnlyList<KeyValuePair<string, Likelihood>> Likelihoods = new[]
        {
            new KeyValuePair<string, Likelihood>("bernoulli", Likelihood.Bernoulli),
            new KeyValuePair<string, Likelihood>("gaussian", Likelihood.Gaussian),
        };

        public static VariationalSpec? Read(YamlNodeReader reader, YamlNode node)
        {
            var fields = reader.Mapping(node, "'variational'", Keys);
            if (fields is null)
            {
                return null;
            }

            var latent = reader.Required(fields, "latent", node, "'variational'", "the number of latent units, e.g. 'variational: {latent: 50}'");
            return new VariationalSpec(
                (latent is null ? null : reader.Int(latent, "'latent' of 'variational'")) ?? 0,
                (fields.TryGetValue("beta", out var b) ? reader.Number(b.Value, "'beta' of 'variational'") : null) ?? 1.0,
                fields.TryGetValue("likelihood", out var l) ? reader.Choice(l.Value, "'likelihood' of 'variational'", Likelihoods) : Likelihood.Bernoulli,
                (fields.TryGetValue("binarize", out var z) ? reader.Bool(z.Value, "'binarize' of 'variational'") : null) ?? false,
                reader.At(node));
        }
    }
}
