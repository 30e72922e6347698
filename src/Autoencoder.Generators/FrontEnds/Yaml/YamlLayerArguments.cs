using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// A YAML layer map's values, read by key. A missing required key or a value of the wrong type is reported at its node
/// and gives the default; the file then generates no code, so the default never reaches a model.
/// </summary>
internal sealed class YamlLayerArguments : LayerArguments
{
    private readonly YamlNodeReader _reader;
    private readonly LayerKind _kind;
    private readonly Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> _fields;
    private readonly YamlNode _body;
    private readonly string _where;

    /// <param name="where">The layer in messages, e.g. "layer 2 of the encoder".</param>
    public YamlLayerArguments(YamlNodeReader reader, LayerKind kind, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, YamlNode body, string where, LocationInfo location)
    {
        _reader = reader;
        _kind = kind;
        _fields = fields;
        _body = body;
        _where = where;
        Location = location;
    }

    public override LocationInfo? Location { get; }

    public override int Int(IntParameter parameter) => Node(parameter) is { } node ? _reader.Int(node, What(parameter)) ?? parameter.Default : parameter.Default;

    public override int? Int(OptionalIntParameter parameter) => Node(parameter) is { } node ? _reader.Int(node, What(parameter)) : null;

    public override double Number(NumberParameter parameter) => Node(parameter) is { } node ? _reader.Number(node, What(parameter)) ?? parameter.Default : parameter.Default;

    public override bool Bool(BoolParameter parameter) => Node(parameter) is { } node ? _reader.Bool(node, What(parameter)) ?? parameter.Default : parameter.Default;

    public override EquatableArray<int> Ints(IntsParameter parameter)
        => Node(parameter) is { } node ? _reader.Ints(node, What(parameter)) ?? EquatableArray<int>.Empty : EquatableArray<int>.Empty;

    public override T Choice<T>(ChoiceParameter<T> parameter)
        => Node(parameter) is { } node ? _reader.Choice(node, "The " + parameter.YamlKey + " of " + _where, parameter.Vocabulary) : parameter.Default;

    public override (int? Height, int? Width) Size(SizeParameter parameter)
    {
        if (Node(parameter) is not { } node)
        {
            return (null, null);
        }

        var size = _reader.Ints(node, What(parameter));
        if (size is { Count: 2 } sides)
        {
            return (sides[0], sides[1]);
        }

        if (size is not null)
        {
            _reader.WrongType(node, What(parameter), "[height, width], e.g. [28, 28]");
        }

        return (null, null);
    }

    public override EquatableArray<LayerSpec>? Layers(LayersParameter parameter)
        => Node(parameter) is { } node ? YamlLayers.Read(_reader, node, _kind.YamlSubject + " " + _where) : EquatableArray<LayerSpec>.Empty;

    /// <summary>Reported only when neither key is there: a key with a bad value has had its own message.</summary>
    public override void NeedsOneOf(LayerParameter first, LayerParameter second, string example)
    {
        if (!_fields.ContainsKey(first.YamlKey!) && !_fields.ContainsKey(second.YamlKey!))
        {
            _reader.Report(DiagnosticDescriptors.YamlMissingField, _body, "The " + _kind.YamlSubject + " " + _where, first.YamlKey!, example);
        }
    }

    /// <summary>The value's node; for a required key that is missing, reports it (once, here) and returns null.</summary>
    private YamlNode? Node(LayerParameter parameter)
    {
        if (parameter.YamlKey is { } key && _fields.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }

        if (parameter.Required && parameter.YamlKey is not null)
        {
            _reader.Report(DiagnosticDescriptors.YamlMissingField, _body, "The " + _kind.YamlSubject + " " + _where, parameter.YamlKey, _kind.YamlExample);
        }

        return null;
    }

    private string What(LayerParameter parameter) => "'" + parameter.YamlKey + "' of " + _where;
}
