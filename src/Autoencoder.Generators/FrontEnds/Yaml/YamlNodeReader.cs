using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// Typed reads from YAML nodes. Every read that fails reports one diagnostic at the node and returns null,
/// so the front-end can carry on and report every problem in the file at once.
/// </summary>
internal sealed class YamlNodeReader
{
    // Deeper than any model file; bounds the walk when an alias refers to one of its own ancestors.
    private const int MaxDepth = 32;

    private readonly string _path;
    private readonly SourceText _text;

    public YamlNodeReader(string path, SourceText text)
    {
        _path = path;
        _text = text;
    }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    /// <summary>
    /// The whole node. YamlDotNet gives a collection only the marks of its start event, so the end is found
    /// from its last descendant, plus the closing bracket of a flow collection.
    /// </summary>
    public LocationInfo At(YamlNode node)
    {
        var start = ToInt(node.Start.Index);
        var end = System.Math.Max(start, EndOf(node, 0));
        return Location(start, end);
    }

    public LocationInfo At(Mark start, Mark end) => Location(ToInt(start.Index), System.Math.Max(ToInt(start.Index), ToInt(end.Index)));

    /// <summary>
    /// Both ends from YamlDotNet's 0-based index, not its line and column: at the end of a cut-off file those
    /// name a line past the text, which put the start after the end (an ArgumentException, AE9999).
    /// </summary>
    private LocationInfo Location(int from, int to)
    {
        from = System.Math.Min(from, _text.Length);
        to = System.Math.Min(to, _text.Length);
        return new LocationInfo(_path, new TextSpan(from, to - from), new LinePositionSpan(_text.Lines.GetLinePosition(from), _text.Lines.GetLinePosition(to)));
    }

    private int EndOf(YamlNode node, int depth)
    {
        var end = ToInt(node.End.Index);
        if (depth > MaxDepth)
        {
            return end;
        }

        YamlNode? last = node switch
        {
            YamlSequenceNode { Children.Count: > 0 } sequence => sequence.Children[sequence.Children.Count - 1],
            YamlMappingNode { Children.Count: > 0 } mapping => mapping.Children.Last().Value,
            _ => null,
        };
        if (last is not null)
        {
            end = System.Math.Max(end, EndOf(last, depth + 1));
        }

        var isFlow = node is YamlSequenceNode { Style: SequenceStyle.Flow } || node is YamlMappingNode { Style: MappingStyle.Flow };
        if (isFlow)
        {
            // An empty flow collection ends where it starts in YamlDotNet's marks: step over its opening bracket.
            if (last is null && end < _text.Length && (_text[end] == '[' || _text[end] == '{'))
            {
                end++;
            }

            var probe = end;
            while (probe < _text.Length && (_text[probe] == ' ' || _text[probe] == '\n' || _text[probe] == '\r' || _text[probe] == '\t'))
            {
                probe++;
            }

            // Only a closing bracket extends the node; whitespace after it belongs to what follows.
            if (probe < _text.Length && (_text[probe] == ']' || _text[probe] == '}'))
            {
                end = probe + 1;
            }
        }

        return end;
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, YamlNode node, params string[] args)
        => Diagnostics.Add(DiagnosticInfo.Create(descriptor, At(node), args));

    /// <summary>
    /// The entries of a mapping by key, in file order. Unknown keys are reported with the closest known one;
    /// a key given twice is a YAML error that YamlDotNet already rejects while loading.
    /// </summary>
    public Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>? Mapping(YamlNode node, string what, params string[] keys)
        => Mapping(node, what, keys, renamed: null);

    /// <summary>
    /// The same, where a key of <paramref name="renamed"/> (a former spelling) is read as its new spelling, with a
    /// warning that names the new one.
    /// </summary>
    public Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>? Mapping(YamlNode node, string what, string[] keys, IReadOnlyDictionary<string, string>? renamed)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } empty && empty.Tag.IsEmpty)
        {
            // 'flatten:' with nothing after it is the same as 'flatten: {}'.
            return new Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>();
        }

        // 'what' names the map in "is not a key of a dense layer"; it also starts the sentences below.
        var subject = char.ToUpperInvariant(what[0]) + what.Substring(1);
        if (!Untagged(node, subject))
        {
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            WrongType(node, subject, "a map such as '{ key: value }'");
            return null;
        }

        var entries = new Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>>();
        foreach (var entry in mapping.Children)
        {
            if (entry.Key is YamlScalarNode { Value: { } old } oldNode && renamed is not null && renamed.TryGetValue(old, out var current))
            {
                Report(DiagnosticDescriptors.YamlRenamedKey, oldNode, old, what, current);
                if (entries.ContainsKey(current))
                {
                    Report(DiagnosticDescriptors.YamlWrongType, oldNode, "'" + old + "' of " + what, "given once (it is the former spelling of '" + current + "', which is given too)", "given twice");
                    continue;
                }

                entries[current] = new KeyValuePair<YamlScalarNode, YamlNode>(oldNode, entry.Value);
                continue;
            }

            if (entry.Key is not YamlScalarNode { Value: { } key } keyNode || !keys.Contains(key))
            {
                var text = entry.Key is YamlScalarNode { Value: { } k } ? k : Describe(entry.Key);
                Report(DiagnosticDescriptors.YamlUnknownKey, entry.Key, text, what, Hint(text, keys, renamed));
                continue;
            }

            if (entries.ContainsKey(key))
            {
                // Only possible when the former spelling came first; YamlDotNet rejects a key given twice.
                Report(DiagnosticDescriptors.YamlWrongType, keyNode, "'" + key + "' of " + what, "given once (its former spelling is given too)", "given twice");
                continue;
            }

            entries[key] = new KeyValuePair<YamlScalarNode, YamlNode>(keyNode, entry.Value);
        }

        return entries;
    }

    /// <summary>A name or other text; quoted or not.</summary>
    public string? Text(YamlNode node, string what)
    {
        if (!Untagged(node, what))
        {
            return null;
        }

        if (node is YamlScalarNode { Value: { Length: > 0 } value })
        {
            return value;
        }

        WrongType(node, what, "a name");
        return null;
    }

    public int? Int(YamlNode node, string what)
    {
        var text = PlainScalar(node, what, "an integer");
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        WrongType(node, what, "an integer");
        return null;
    }

    public long? Long(YamlNode node, string what)
    {
        var text = PlainScalar(node, what, "an integer");
        if (text is null)
        {
            return null;
        }

        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        WrongType(node, what, "an integer");
        return null;
    }

    public double? Number(YamlNode node, string what)
    {
        var text = PlainScalar(node, what, "a number");
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        WrongType(node, what, "a number");
        return null;
    }

    public bool? Bool(YamlNode node, string what)
    {
        switch (PlainScalar(node, what, "true or false"))
        {
            case null:
                return null;
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                WrongType(node, what, "true or false");
                return null;
        }
    }

    public EquatableArray<int>? Ints(YamlNode node, string what)
    {
        if (!Untagged(node, what))
        {
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            WrongType(node, what, "a list of integers such as [1, 28, 28]");
            return null;
        }

        var values = new List<int>();
        foreach (var item in sequence.Children)
        {
            var value = Int(item, "Each size in " + what);
            if (value is null)
            {
                return null;
            }

            values.Add(value.Value);
        }

        return values.ToEquatableArray();
    }

    /// <summary>One of a fixed set of names; an unknown one is out of range (AE0007), listing the valid names.</summary>
    public T? Choice<T>(YamlNode node, string what, IReadOnlyList<KeyValuePair<string, T>> table)
        where T : notnull
    {
        var text = PlainScalar(node, what, "a name");
        if (text is null)
        {
            return default;
        }

        foreach (var pair in table)
        {
            if (pair.Key == text)
            {
                return pair.Value;
            }
        }

        Report(DiagnosticDescriptors.ValueOutOfRange, node, what, "one of " + YamlVocabulary.Names(table), "'" + text + "'");
        return default;
    }

    /// <summary>The value of a key the map must have; reports it missing (with <paramref name="example"/>) and returns null otherwise.</summary>
    public YamlNode? Required(Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string key, YamlNode owner, string what, string example)
    {
        if (fields.TryGetValue(key, out var entry))
        {
            return entry.Value;
        }

        Report(DiagnosticDescriptors.YamlMissingField, owner, what, key, example);
        return null;
    }

    public void WrongType(YamlNode node, string what, string expected)
        => Report(DiagnosticDescriptors.YamlWrongType, node, what, expected, Describe(node));

    private string? PlainScalar(YamlNode node, string what, string expected)
    {
        if (!Untagged(node, what))
        {
            return null;
        }

        // Quoted scalars are strings in YAML: "32" is not the number 32.
        if (node is not YamlScalarNode { Style: ScalarStyle.Plain, Value: { Length: > 0 } value })
        {
            WrongType(node, what, expected);
            return null;
        }

        return value;
    }

    /// <summary>
    /// Explicit tags ('!!python/object', '!Foo') are rejected rather than ignored: they ask for a type, and
    /// this format never creates one. Values are always read as plain nodes.
    /// </summary>
    private bool Untagged(YamlNode node, string what)
    {
        if (node.Tag.IsEmpty || node.Tag.IsNonSpecific)
        {
            return true;
        }

        Report(DiagnosticDescriptors.YamlWrongType, node, what, "an untagged value (tags are not supported)", "tagged '" + node.Tag.Value + "'");
        return false;
    }

    /// <summary>"Did you mean" the closest key; a typo of a former spelling suggests the current one.</summary>
    private static string Hint(string key, string[] keys, IReadOnlyDictionary<string, string>? renamed)
    {
        if (keys.Length == 0)
        {
            return string.Empty;
        }

        var candidates = renamed is null ? keys : keys.Concat(renamed.Keys).ToArray();
        var closest = Suggestions.Closest(key, candidates);
        if (closest is not null && renamed is not null && renamed.TryGetValue(closest, out var current))
        {
            closest = current;
        }

        return closest is not null
            ? "; did you mean '" + closest + "'?"
            : "; use one of " + string.Join(", ", keys.Select(k => "'" + k + "'"));
    }

    private static string Describe(YamlNode node) => node switch
    {
        YamlScalarNode { Value: null or "" } => "empty",
        YamlScalarNode scalar => "'" + scalar.Value + "'",
        YamlSequenceNode => "a list",
        YamlMappingNode => "a map",
        _ => "an alias",
    };

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : value < 0 ? 0 : (int)value;
}
