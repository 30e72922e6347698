using Autoencoder.Generators.Diagnostics;
using Autoencoder.Generators.Spec;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml
{
    /// <summary>The normalisation layers with parameters: <c>layer_norm: {epsilon: 1e-5}</c> and <c>group_norm: {groups: 4}</c>.</summary>
    internal static class YamlNormLayers
    {
        public static LayerSpec? LayerNorm(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a layer_norm layer", YamlKeys.LayerNorm);
            if (fields is null)
            {
                return null;
            }

            var epsilon = fields.TryGetValue("epsilon", out var e) ? reader.Number(e.Value, "'epsilon' of " + where) : NormText.DefaultEpsilon;
            return new LayerNormSpec(epsilon ?? NormText.DefaultEpsilon, location);
        }

        public static LayerSpec? GroupNorm(YamlNodeReader reader, YamlNode body, string where, LocationInfo location)
        {
            var fields = reader.Mapping(body, "a group_norm layer", YamlKeys.GroupNorm);
            if (fields is null)
            {
                return null;
            }

            var groups = YamlLayers.Required(reader, fields, "groups", body, "The group_norm " + where, "e.g. 'group_norm: {groups: 4}'") is { } g ? reader.Int(g, "'groups' of " + where) : null;
            var epsilon = fields.TryGetValue("epsilon", out var e) ? reader.Number(e.Value, "'epsilon' of " + where) : NormText.DefaultEpsilon;
            return new GroupNormSpec(groups ?? 0, epsilon ?? NormText.DefaultEpsilon, location);
        }
    }
}
