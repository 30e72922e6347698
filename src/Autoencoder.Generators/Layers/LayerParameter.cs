using System.Collections.Generic;
using System.Text;

namespace Autoencoder.Generators.Layers;

/// <summary>
/// One setting of a layer kind, spelled once: <see cref="Name"/> is the attribute's property (and constructor
/// parameter), the YAML key is its snake_case form. The typed subclasses carry the default.
/// </summary>
internal abstract class LayerParameter
{
    protected LayerParameter(string name, int? position, bool required, bool inAttribute, bool inYaml)
    {
        Name = name;
        Position = position;
        Required = required;
        InAttribute = inAttribute;
        YamlKey = inYaml ? SnakeCase(name) : null;
    }

    /// <summary>The attribute's property, e.g. <c>OutChannels</c>.</summary>
    public string Name { get; }

    /// <summary>The key in a YAML layer map, e.g. <c>out_channels</c>; null when YAML spells the setting otherwise.</summary>
    public string? YamlKey { get; }

    /// <summary>The attribute constructor's argument index, or null for a named property.</summary>
    public int? Position { get; }

    /// <summary>YAML must give it (an attribute's constructor requires it anyway).</summary>
    public bool Required { get; }

    /// <summary>False for a setting only YAML has (e.g. a residual block's nested <c>layers</c>).</summary>
    public bool InAttribute { get; }

    /// <summary><c>OutChannels</c> → <c>out_channels</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}

internal sealed class IntParameter : LayerParameter
{
    public IntParameter(string name, int fallback = 0, int? position = null, bool required = false)
        : base(name, position, required, inAttribute: true, inYaml: true) => Default = fallback;

    public int Default { get; }
}

/// <summary>An integer that may be left unset; null then means "not declared" to validation or the layer.</summary>
internal sealed class OptionalIntParameter : LayerParameter
{
    public OptionalIntParameter(string name, int? position = null, bool inYaml = true)
        : base(name, position, required: false, inAttribute: true, inYaml) { }
}

internal sealed class NumberParameter : LayerParameter
{
    public NumberParameter(string name, double fallback = 0, int? position = null, bool required = false)
        : base(name, position, required, inAttribute: true, inYaml: true) => Default = fallback;

    public double Default { get; }
}

internal sealed class BoolParameter : LayerParameter
{
    public BoolParameter(string name, bool fallback)
        : base(name, position: null, required: false, inAttribute: true, inYaml: true) => Default = fallback;

    public bool Default { get; }
}

internal sealed class IntsParameter : LayerParameter
{
    public IntsParameter(string name, int position)
        : base(name, position, required: true, inAttribute: true, inYaml: true) { }
}

/// <summary>An enum value: a constant in C#, one of <see cref="Vocabulary"/>'s names in YAML.</summary>
internal sealed class ChoiceParameter<T> : LayerParameter
    where T : struct
{
    public ChoiceParameter(string name, IReadOnlyList<KeyValuePair<string, T>> vocabulary, T fallback = default, int? position = null)
        : base(name, position, required: false, inAttribute: true, inYaml: true)
    {
        Vocabulary = vocabulary;
        Default = fallback;
    }

    public IReadOnlyList<KeyValuePair<string, T>> Vocabulary { get; }

    public T Default { get; }
}

/// <summary>A height and a width: the named <c>Height</c> and <c>Width</c> of an attribute, <c>size: [h, w]</c> in YAML.</summary>
internal sealed class SizeParameter : LayerParameter
{
    public SizeParameter(string name, string heightName, string widthName)
        : base(name, position: null, required: false, inAttribute: false, inYaml: true)
    {
        HeightName = heightName;
        WidthName = widthName;
    }

    public string HeightName { get; }

    public string WidthName { get; }
}

/// <summary>The layers of a block, nested in YAML; attributes write them between markers instead.</summary>
internal sealed class LayersParameter : LayerParameter
{
    public LayersParameter(string name)
        : base(name, position: null, required: true, inAttribute: false, inYaml: true) { }
}
