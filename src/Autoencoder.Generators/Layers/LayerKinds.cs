using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// The table of layer kinds: a kind is known to the attribute front-end, the YAML front-end and the docs because it
/// is a row here. Adding a kind is a file in this folder, a row here, and its attribute in Autoencoder.Dsl/Layers.
/// </summary>
internal static class LayerKinds
{
    /// <summary>Every kind, in the order the YAML format documents them.</summary>
    public static readonly IReadOnlyList<LayerKind> All = new LayerKind[]
    {
        DenseKind.Instance,
        FlattenKind.Instance,
        UnflattenKind.Instance,
        DropoutKind.Values,
        Conv2dKind.Instance,
        ConvTranspose2dKind.Instance,
        Pool2dKind.Max,
        Pool2dKind.Average,
        UpsampleKind.Instance,
        BatchNormKind.Instance,
        DropoutKind.Channels,
        ResidualKind.Instance,
        LayerNormKind.Instance,
        GroupNormKind.Instance,
        GdnKind.Instance,
        PixelShuffleKind.Shuffle,
        PixelShuffleKind.Unshuffle,
        EndResidualKind.Instance,
    };

    private static readonly Dictionary<string, LayerKind> ByAttribute = All.Where(k => k.AttributeName is not null).ToDictionary(k => k.AttributeName!);
    private static readonly Dictionary<string, LayerKind> ByYamlKey = All.Where(k => k.YamlKey is not null).ToDictionary(k => k.YamlKey!);

    /// <summary>The layer keys YAML accepts, for "did you mean" and the docs.</summary>
    public static readonly string[] YamlKeys = All.Where(k => k.YamlKey is not null).Select(k => k.YamlKey!).ToArray();

    /// <summary>The kind of an attribute in the Autoencoder namespace, by metadata name; null for one no kind reads.</summary>
    public static LayerKind? ForAttribute(string metadataName) => ByAttribute.TryGetValue(metadataName, out var kind) ? kind : null;

    public static LayerKind? ForYamlKey(string key) => ByYamlKey.TryGetValue(key, out var kind) ? kind : null;

    /// <summary>The YAML keys of a kind's map, in the order of its parameters.</summary>
    public static string[] YamlFields(LayerKind kind) => kind.Parameters.Where(p => p.YamlKey is not null).Select(p => p.YamlKey!).ToArray();
}
