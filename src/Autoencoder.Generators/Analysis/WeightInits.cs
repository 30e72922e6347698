using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Generators.Analysis;

/// <summary>
/// The model's Init fills in every layer with weights that leaves its own unset. Resolved here, on the analyzed
/// layers, so the emitter sees one final choice per layer and the analyzed model stays one equatable value.
/// </summary>
internal static class WeightInits
{
    public static void Validate(ModelSpec spec, List<DiagnosticInfo> diagnostics)
    {
        var init = spec.Init.Init;
        ModelAnalyzer.Check(
            Enum.IsDefined(typeof(WeightInit), init),
            spec.Init.Location,
            "The Init of '" + spec.Type.Name + "'",
            "one of " + string.Join(", ", Enum.GetNames(typeof(WeightInit))),
            ((int)init).ToString(System.Globalization.CultureInfo.InvariantCulture),
            diagnostics);
    }

    /// <summary>
    /// The analyzed layer with its final Init, and so the layers of a residual block and its projection (which, like
    /// a layer without its own Init, takes the model's). Default in the result means TorchSharp's own: nothing is emitted.
    /// </summary>
    public static AnalyzedLayer Resolve(AnalyzedLayer layer, WeightInit model) => layer with
    {
        Layer = Resolve(layer.Layer, model),
        Block = layer.Block.Select(inner => Resolve(inner, model)).ToEquatableArray(),
        Projection = layer.Projection is null ? null : Resolve(layer.Projection, model),
    };

    private static LayerSpec Resolve(LayerSpec layer, WeightInit model) => layer.Kind.WithInit(layer, init => Resolve(init, model));

    private static WeightInit Resolve(WeightInit layer, WeightInit model)
    {
        var chosen = layer == WeightInit.Default ? model : layer;
        return chosen == WeightInit.TorchDefault ? WeightInit.Default : chosen;
    }
}
