namespace Autoencoder.Runtime.Imaging;

/// <summary>How <see cref="AnySize"/> fills the rows and columns it adds below and to the right of an image.</summary>
public enum PaddingMode
{
    /// <summary>Repeats the last row and column (PyTorch's "replicate"); works for any size.</summary>
    Replicate,

    /// <summary>Mirrors the image at its edge without repeating the edge (PyTorch's "reflect"); each pad must be smaller than the side.</summary>
    Reflect,
}
