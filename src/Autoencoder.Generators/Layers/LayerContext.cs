using System.Collections.Generic;
using System.Globalization;

namespace Autoencoder.Generators.Layers;

/// <summary>Shape inference over a network's layers, layer by layer, with the diagnostics it reports.</summary>
internal sealed class LayerContext
{
    private readonly List<DiagnosticInfo> _diagnostics;

    public LayerContext(string role, List<DiagnosticInfo> diagnostics)
    {
        Role = role;
        _diagnostics = diagnostics;
    }

    /// <summary>"encoder" or "decoder".</summary>
    public string Role { get; }

    /// <summary>
    /// Shapes layer by layer. Layers are named by position (<c>encoder2</c>); a block names its layers by its own name
    /// and their position in it (<c>encoder2_0</c>). Null once a layer cannot take its input (that is reported).
    /// </summary>
    public List<AnalyzedLayer>? Sequence(EquatableArray<LayerSpec> specs, Shape input, string prefix)
    {
        var layers = new List<AnalyzedLayer>();
        var current = input;
        for (var i = 0; i < specs.Count; i++)
        {
            var layer = specs[i];
            var analyzed = layer.Kind.Analyze(layer, current, prefix + i.ToString(CultureInfo.InvariantCulture), this);
            if (analyzed is null)
            {
                return null;
            }

            layers.Add(analyzed);
            current = analyzed.Output;
        }

        return layers;
    }

    /// <summary>A layer without nested layers: its kind's shape, or a diagnostic that says why it cannot take its input.</summary>
    public AnalyzedLayer? Single(LayerSpec layer, Shape input, string name)
    {
        var kind = layer.Kind;
        var result = kind.Infer(layer, input);
        if (result.Output is null)
        {
            Report(DiagnosticDescriptors.LayerInputMismatch, layer.Location, layer.Describe(), Role, input.ToString(), result.Problem ?? "unknown");
            return null;
        }

        return new AnalyzedLayer(kind.WithoutLocations(layer), name, kind.HasModule, input, result.Output, result.Parameters);
    }

    public void Report(Microsoft.CodeAnalysis.DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments)
        => _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}
