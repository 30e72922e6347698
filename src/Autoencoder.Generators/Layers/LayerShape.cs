namespace Autoencoder.Generators.Layers;

/// <summary>What shape inference found for one layer: an output shape and a parameter count, or why it cannot take its input.</summary>
internal readonly struct LayerShape
{
    private LayerShape(Shape? output, long parameters, string? problem)
    {
        Output = output;
        Parameters = parameters;
        Problem = problem;
    }

    public Shape? Output { get; }

    public long Parameters { get; }

    /// <summary>Completes "… cannot take [B, …]: <i>problem</i>", e.g. "it needs an image [C, H, W]".</summary>
    public string? Problem { get; }

    public static LayerShape Ok(Shape output, long parameters = 0) => new(output, parameters, null);

    public static LayerShape Fails(string problem) => new(null, 0, problem);
}
