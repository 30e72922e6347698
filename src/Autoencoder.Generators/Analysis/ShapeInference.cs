namespace Autoencoder.Generators.Analysis;

/// <summary>The output shape and parameter count of one layer, as its kind infers it; tests call this formula by formula.</summary>
internal static class ShapeInference
{
    public static LayerShape Infer(LayerSpec layer, Shape input) => layer.Kind.Infer(layer, input);
}
