using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>A model that declares denoising: it was trained to restore inputs corrupted by its declared noise.</summary>
public interface IDenoisingAutoencoder : IAutoencoder
{
    /// <summary>Corrupted inputs [B, ...] to restored ones of the same shape (the generated <c>Denoise</c>); call it in eval mode.</summary>
    Tensor Denoise(Tensor noisy);

    /// <summary>
    /// The declared training noise applied to <paramref name="images"/>, drawing from <paramref name="generator"/> (torch's
    /// global generator if null): the generated static <c>Corrupt</c>.
    /// </summary>
    Tensor Corrupt(Tensor images, Generator? generator = null);
}
