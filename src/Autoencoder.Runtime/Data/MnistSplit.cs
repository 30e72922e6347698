using System;
using TorchSharp;

namespace Autoencoder.Runtime.Data;

/// <summary>One MNIST split as tensors. Disposing it frees both tensors.</summary>
public sealed class MnistSplit : IDisposable
{
    /// <summary>Wraps the tensors of one split; they must agree on the sample count.</summary>
    /// <param name="images">float32 [N, 1, 28, 28] in [0, 1].</param>
    /// <param name="labels">int64 [N], digits 0-9.</param>
    public MnistSplit(torch.Tensor images, torch.Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(labels);
        if (images.shape.Length == 0 || labels.shape.Length != 1 || images.shape[0] != labels.shape[0])
        {
            throw new ArgumentException(
                $"Images [{string.Join(", ", images.shape)}] and labels [{string.Join(", ", labels.shape)}] must have the same first dimension.");
        }

        Images = images;
        Labels = labels;
    }

    /// <summary>The images: float32 [N, 1, 28, 28], values in [0, 1].</summary>
    public torch.Tensor Images { get; }

    /// <summary>The labels: int64 [N], digits 0-9.</summary>
    public torch.Tensor Labels { get; }

    /// <summary>Number of samples N.</summary>
    public int Count => (int)Labels.shape[0];

    /// <inheritdoc />
    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
