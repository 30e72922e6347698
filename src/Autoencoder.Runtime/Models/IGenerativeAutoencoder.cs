using static TorchSharp.torch;

namespace Autoencoder.Runtime.Models;

/// <summary>A model with a prior over its codes (a variational autoencoder): it draws new images and decodes paths between codes.</summary>
public interface IGenerativeAutoencoder : IAutoencoder
{
    /// <summary>Draws <paramref name="count"/> images, [count, ...], from codes sampled from the prior; call it in eval mode.</summary>
    Tensor Sample(int count, Generator? generator = null);

    /// <summary>
    /// Decodes <paramref name="steps"/> evenly spaced points on the line between the codes of each pair of images of
    /// <paramref name="a"/> and <paramref name="b"/> (both [N, ...]): [N, steps, ...].
    /// </summary>
    Tensor Interpolate(Tensor a, Tensor b, int steps);
}
