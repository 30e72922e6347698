using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// The model's <c>denoising</c>, <c>sparse</c> and <c>contractive</c> maps, the twins of [Denoising], [Sparse] and
/// [Contractive]. Each spec is located at its map, so analysis reports a bad value there, as it reports at the attribute.
/// </summary>
internal static class YamlRegularization
{
    public static RegularizationSpec? Read(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> model)
        => RegularizationSpec.Of(
            model.TryGetValue("denoising", out var d) ? Denoising(reader, d.Value) : null,
            model.TryGetValue("sparse", out var s) ? Sparse(reader, s.Value) : null,
            model.TryGetValue("contractive", out var c) ? Contractive(reader, c.Value) : null);

    /// <summary><c>denoising: {noise: gaussian, amount: 0.3}</c>; both keys are required, <c>predict_noise</c> (false) and <c>clip</c> (true) are optional.</summary>
    private static DenoisingSpec? Denoising(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'denoising'", YamlKeys.Denoising);
        if (fields is null)
        {
            return null;
        }

        var noise = reader.Required(fields, "noise", node, "'denoising'", "one of " + YamlVocabulary.Names(YamlVocabulary.Noises) + ", e.g. 'denoising: {noise: gaussian, amount: 0.3}'");
        var amount = reader.Required(fields, "amount", node, "'denoising'", "σ for gaussian noise, the fraction of pixels for the others, e.g. 'denoising: {noise: masking, amount: 0.25}'");
        return new DenoisingSpec(
            noise is null ? NoiseKind.Gaussian : reader.Choice(noise, "The noise of 'denoising'", YamlVocabulary.Noises),
            (amount is null ? null : reader.Number(amount, "'amount' of 'denoising'")) ?? 0,
            reader.At(node),
            fields.TryGetValue("predict_noise", out var predict) && reader.Bool(predict.Value, "'predict_noise' of 'denoising'") == true,
            !fields.TryGetValue("clip", out var clip) || reader.Bool(clip.Value, "'clip' of 'denoising'") != false);
    }

    /// <summary><c>sparse: {l1_weight: 1e-4}</c> or <c>sparse: {sparsity_target: 0.05, sparsity_weight: 3}</c>; which combinations make sense is checked by analysis.</summary>
    private static SparseSpec? Sparse(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'sparse'", YamlKeys.Sparse, YamlKeys.Renamed.Sparse);
        if (fields is null)
        {
            return null;
        }

        return new SparseSpec(
            fields.TryGetValue("l1_weight", out var l1) ? reader.Number(l1.Value, "'l1_weight' of 'sparse'") : null,
            fields.TryGetValue("sparsity_target", out var t) ? reader.Number(t.Value, "'sparsity_target' of 'sparse'") : null,
            fields.TryGetValue("sparsity_weight", out var w) ? reader.Number(w.Value, "'sparsity_weight' of 'sparse'") : null,
            reader.At(node));
    }

    /// <summary><c>contractive: {contractive_weight: 1e-4}</c>; the weight is required.</summary>
    private static ContractiveSpec? Contractive(YamlNodeReader reader, YamlNode node)
    {
        var fields = reader.Mapping(node, "'contractive'", YamlKeys.Contractive, YamlKeys.Renamed.Contractive);
        if (fields is null)
        {
            return null;
        }

        var weight = reader.Required(fields, "contractive_weight", node, "'contractive'", "λ, the weight of the penalty, e.g. 'contractive: {contractive_weight: 1e-4}'");
        return new ContractiveSpec((weight is null ? null : reader.Number(weight, "'contractive_weight' of 'contractive'")) ?? 0, reader.At(node));
    }
}
