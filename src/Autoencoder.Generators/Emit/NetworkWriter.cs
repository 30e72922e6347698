namespace Autoencoder.Generators.Emit;

/// <summary>Writes a network's layers as statements on one tensor variable, each after a comment with its shapes.</summary>
internal static class NetworkWriter
{
    public static void WriteLayers(SourceWriter w, EquatableArray<AnalyzedLayer> layers, string p)
    {
        foreach (var layer in layers)
        {
            w.Line("// " + layer.Layer.Describe() + ": " + layer.Input + " -> " + layer.Output);
            layer.Layer.Kind.Write(w, layer, p);
        }
    }
}
