using System;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Reporting;

/// <summary>
/// Draws the same inputs above the model's current reconstructions of them (as <see cref="ImageGrid"/> does),
/// so that successive renders show how reconstruction improves over a run.
/// </summary>
public sealed class ReconstructionRenderer : IDisposable
{
    private readonly nn.Module _model;
    private readonly Func<Tensor, Tensor> _reconstruct;
    private readonly Tensor _inputs;

    /// <param name="model">The model, whose <see cref="IAutoencoder.Reconstruct"/> is drawn; rendered in eval mode, its mode restored after.</param>
    /// <param name="inputs">The fixed images, [N, C, H, W] with C = 1 or 3; copied, so the caller may dispose them.</param>
    public ReconstructionRenderer(IAutoencoder model, Tensor inputs)
        : this(RequireModel(model).Module, model.Reconstruct, inputs)
    {
    }

    /// <param name="model">The module behind <paramref name="reconstruct"/>; rendered in eval mode, its mode restored after.</param>
    /// <param name="reconstruct">Inputs [B, C, H, W] to reconstructions of the same shape in [0, 1] (the generated <c>Reconstruct</c>).</param>
    /// <param name="inputs">The fixed images, [N, C, H, W] with C = 1 or 3; copied, so the caller may dispose them.</param>
    public ReconstructionRenderer(nn.Module model, Func<Tensor, Tensor> reconstruct, Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reconstruct);
        ArgumentNullException.ThrowIfNull(inputs);
        var shape = inputs.shape;
        if (shape.Length != 4 || shape[0] == 0 || (shape[1] != 1 && shape[1] != 3))
        {
            throw new ArgumentException($"Expected images [N, 1 or 3, H, W] with N > 0, got [{string.Join(", ", shape)}].", nameof(inputs));
        }

        _model = model;
        _reconstruct = reconstruct;
        using var detached = inputs.detach();
        _inputs = detached.clone();
    }

    /// <summary>Number of images in each render.</summary>
    public int Count => (int)_inputs.shape[0];

    /// <summary>Reconstructs the fixed inputs with the model as it is now and returns the two-row grid.</summary>
    public PixelImage Render()
    {
        using var scope = NewDisposeScope();
        using var evaluation = EvaluationModeScope.Enter(_model);
        return ImageGrid.Compose(_inputs, _reconstruct(_inputs));
    }

    private static IAutoencoder RequireModel(IAutoencoder model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model;
    }

    /// <summary>Frees the copy of the inputs.</summary>
    public void Dispose() => _inputs.Dispose();
}
