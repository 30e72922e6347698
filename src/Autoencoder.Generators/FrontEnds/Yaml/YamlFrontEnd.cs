using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Autoencoder.Generators.FrontEnds.Yaml;

/// <summary>
/// Reads a <c>*.ae.yaml</c> model into the same <see cref="ModelSpec"/> the attributes produce. The file is
/// loaded as a node tree (YamlStream) and read by hand: no deserializer, so nothing in a file can make the
/// compiler instantiate a type. It checks only what is specific to YAML (syntax, keys, value types); the
/// model itself is validated by the shared analysis, at the nodes recorded here.
/// </summary>
internal static class YamlFrontEnd
{
    public const string Extension = ".ae.yaml";

    public static ModelParseResult Parse(string path, SourceText text, CancellationToken cancellationToken)
    {
        var reader = new YamlNodeReader(path, text);
        var root = Load(reader, path, text);
        cancellationToken.ThrowIfCancellationRequested();
        var spec = root is null ? null : ReadModel(reader, root);

        // A file with errors has no spec: analysing half-read values would only add follow-on errors.
        return new ModelParseResult(reader.HasErrors ? null : spec, reader.Diagnostics.ToEquatableArray());
    }

    private static YamlNode? Load(YamlNodeReader reader, string path, SourceText text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text.ToString()));
        }
        catch (YamlException e)
        {
            reader.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, reader.At(e.Start, e.End), Path.GetFileName(path), Innermost(e).Message));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // YamlDotNet 16's scanner throws this, without a position, for some unterminated flow collections.
            return Stopped(reader, path, text, e, "look for an unclosed '[' or '{'");
        }
        catch (ArgumentException e)
        {
            // ...and this ("The current event is of an unsupported type") for a key where a sequence item was expected.
            return Stopped(reader, path, text, e, "look for a ':' where a '- ' item was expected");
        }

        if (stream.Documents.Count != 1)
        {
            var where = stream.Documents.Count == 0 ? reader.At(Mark.Empty, Mark.Empty) : reader.At(stream.Documents[1].RootNode);
            reader.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, where, Path.GetFileName(path), "a model file holds exactly one YAML document, but this one has " + stream.Documents.Count));
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    private static YamlNode? Stopped(YamlNodeReader reader, string path, SourceText text, Exception e, string hint)
    {
        var end = new Mark(text.Length, text.Lines.Count, 1);
        reader.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.YamlSyntax, reader.At(end, end), Path.GetFileName(path), "the parser stopped (" + e.Message + "); " + hint));
        return null;
    }

    private static ModelSpec? ReadModel(YamlNodeReader reader, YamlNode root)
    {
        var fields = reader.Mapping(root, "a model", YamlKeys.Model, YamlKeys.Renamed.Model);
        if (fields is null)
        {
            return null;
        }

        const string Model = "The model";
        var nameNode = reader.Required(fields, "name", root, Model, "the name of the generated class, e.g. 'name: MnistAutoencoder'");
        var name = nameNode is null ? null : Identifier(reader, nameNode, "'name'");
        var ns = fields.TryGetValue("namespace", out var n) ? Namespace(reader, n.Value) : null;
        var accessibility = fields.TryGetValue("accessibility", out var a) ? reader.Choice(a.Value, "'accessibility'", YamlVocabulary.Accessibilities) : "public";
        var input = Input(reader, fields, root);
        var encoder = Network(reader, fields, root, "encoder", NetworkRoles.EncodeMethod);
        var decoder = Network(reader, fields, root, "decoder", NetworkRoles.DecodeMethod);
        var loss = fields.TryGetValue("loss", out var l)
            ? new LossSpec(reader.Choice(l.Value, "'loss'", YamlVocabulary.Losses), reader.At(l.Value))
            : new LossSpec(ReconstructionLoss.MeanSquaredError, null);
        var optimizer = fields.TryGetValue("optimizer", out var o) ? YamlSettings.Optimizer(reader, o.Value) : YamlSettings.DefaultOptimizer;
        var training = fields.TryGetValue("training", out var t) ? YamlSettings.Training(reader, t.Value) : YamlSettings.DefaultTraining;
        var init = fields.TryGetValue("init", out var i)
            ? new InitSpec(reader.Choice(i.Value, "The model's 'init'", YamlVocabulary.Inits), reader.At(i.Value))
            : InitSpec.Unset;
        var variational = fields.TryGetValue("variational", out var v) ? YamlVariational.Read(reader, v.Value) : null;
        var regularization = YamlRegularization.Read(reader, fields);
        var quantizer = fields.TryGetValue("vector_quantized", out var vq) ? YamlVectorQuantized.Read(reader, vq.Value) : null;
        var compression = fields.TryGetValue("compression", out var cm) ? YamlCompression.Read(reader, cm.Value) : null;
        if (compression is not null)
        {
            compression = compression with
            {
                HyperEncoder = OptionalNetwork(reader, fields, "hyper_encoder", NetworkRoles.HyperEncodeMethod),
                HyperDecoder = OptionalNetwork(reader, fields, "hyper_decoder", NetworkRoles.HyperDecodeMethod),
            };
        }
        else
        {
            HyperNetworksNeedCompression(reader, fields);
        }

        if (name is null)
        {
            return null;
        }

        var type = new TypeSpec(ns, name, accessibility ?? "public", EquatableArray<ContainingTypeSpec>.Empty, DeclaredByUser: false);
        // The generator declares Encode; a variational one returns the posterior's parameters, as the attribute form must.
        var encoded = variational is null || encoder is null ? encoder : encoder with { ReturnsGaussianCode = true };
        return new ModelSpec(type, input, encoded, decoder, loss, optimizer, training, init, reader.At(nameNode!), Regularization: regularization, Latent: LatentCodes.One(variational, quantizer, compression, reader.Diagnostics, name))
        {
            TrainingData = fields.TryGetValue("training_data", out var data) ? YamlSettings.TrainingData(reader, data.Value) : null,
        };
    }

    private static InputSpec? Input(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, YamlNode root)
    {
        var node = reader.Required(fields, "input", root, "The model", "the shape of one sample, e.g. 'input: [1, 28, 28]', or 'input: [3, H, W]' for any size");
        if (node is null)
        {
            return null;
        }

        // [3, H, W], or {shape: [3, H, W], minimum_size: 64} when the smallest size is declared too.
        var shape = node;
        int? minimum = null;
        if (node is YamlMappingNode)
        {
            var map = reader.Mapping(node, "'input'", "shape", "minimum_size");
            shape = map is null ? null : reader.Required(map, "shape", node, "'input'", "the sizes, e.g. 'shape: [3, H, W]'");
            if (shape is null)
            {
                return null;
            }

            if (map!.TryGetValue("minimum_size", out var declared))
            {
                minimum = reader.Int(declared.Value, "'minimum_size'");
                if (minimum is null)
                {
                    return null;
                }
            }
        }

        var sizes = Sizes(reader, shape);
        return sizes is null ? null : new InputSpec(sizes.Value, reader.At(node), minimum);
    }

    /// <summary>The input's sizes: integers, with H and W for a free height and width (<see cref="Any"/>).</summary>
    private static EquatableArray<int>? Sizes(YamlNodeReader reader, YamlNode node)
    {
        if (node is not YamlSequenceNode sequence)
        {
            return reader.Ints(node, "'input'");
        }

        var values = new List<int>();
        foreach (var item in sequence.Children)
        {
            var free = item is YamlScalarNode { Style: ScalarStyle.Plain, Value: "H" or "W" } side ? (side.Value == "H" ? Any.Height : Any.Width) : (int?)null;
            if (free is null && item is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } text } && !int.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                reader.WrongType(item, "Each size in 'input'", "an integer, or H or W for a free height or width");
                return null;
            }

            var value = free ?? reader.Int(item, "Each size in 'input'");
            if (value is null)
            {
                return null;
            }

            values.Add(value.Value);
        }

        return values.ToEquatableArray();
    }

    private static NetworkSpec? Network(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, YamlNode root, string role, string method)
    {
        var node = reader.Required(fields, role, root, "The model", "its layers in order, e.g. '" + role + ": [ {dense: {units: 32}} ]'");
        if (node is null)
        {
            return null;
        }

        // No user method exists: the generator declares Encode/Decode itself, public like the attribute form's.
        var layers = YamlLayers.Read(reader, node, role);
        return new NetworkSpec(method, NetworkRoles.DefaultParameterName(method), "public", DeclaredByUser: false, layers, reader.At(fields[role].Key));
    }

    /// <summary>A network the model may leave out (a hyperprior's transforms): null when its key is absent.</summary>
    private static NetworkSpec? OptionalNetwork(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields, string role, string method)
        => fields.ContainsKey(role) ? Network(reader, fields, new YamlMappingNode(), role, method) : null;

    private static void HyperNetworksNeedCompression(YamlNodeReader reader, Dictionary<string, KeyValuePair<YamlScalarNode, YamlNode>> fields)
    {
        foreach (var role in new[] { "hyper_encoder", "hyper_decoder" })
        {
            if (fields.TryGetValue(role, out var field))
            {
                reader.Diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedCombination, reader.At(field.Key),
                    "'" + role + "' is a transform of a hyperprior codec, but the model declares no 'compression': add 'compression: {rate_weight: 0.01, prior: scale_hyperprior}' or remove it"));
            }
        }
    }

    private static string? Identifier(YamlNodeReader reader, YamlNode node, string what)
    {
        var text = reader.Text(node, what);
        if (text is null || SyntaxFacts.IsValidIdentifier(text) && SyntaxFacts.GetKeywordKind(text) == SyntaxKind.None)
        {
            return text;
        }

        reader.WrongType(node, what, "a C# identifier");
        return null;
    }

    private static string? Namespace(YamlNodeReader reader, YamlNode node)
    {
        var text = reader.Text(node, "'namespace'");
        if (text is null || text.Split('.').All(part => SyntaxFacts.IsValidIdentifier(part) && SyntaxFacts.GetKeywordKind(part) == SyntaxKind.None))
        {
            return text;
        }

        reader.WrongType(node, "'namespace'", "a C# namespace such as 'Examples.Models'");
        return null;
    }

    // YamlDotNet wraps the scanner's error ("while parsing a block mapping ..."); the innermost says what is wrong.
    private static YamlException Innermost(YamlException e)
    {
        while (e.InnerException is YamlException inner)
        {
            e = inner;
        }

        return e;
    }
}
