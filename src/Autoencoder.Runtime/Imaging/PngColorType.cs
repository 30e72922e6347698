namespace Autoencoder.Runtime.Imaging;

/// <summary>The PNG colour types the encoder writes, always with 8 bits per sample.</summary>
public enum PngColorType : byte
{
    /// <summary>One byte per pixel.</summary>
    Grayscale = 0,

    /// <summary>Three bytes per pixel, red, green, blue.</summary>
    Rgb = 2,
}
