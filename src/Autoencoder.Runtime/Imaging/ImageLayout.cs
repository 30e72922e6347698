namespace Autoencoder.Runtime.Imaging;

/// <summary>The image a model takes: channels (1 grayscale, 3 RGB), height and width. Files are resized or converted to it only when asked.</summary>
public sealed record ImageLayout(int Channels, int Height, int Width)
{
    /// <summary>The layout of a model input shape [C, H, W].</summary>
    public static ImageLayout FromShape(long[] inputShape) => new((int)inputShape[0], (int)inputShape[1], (int)inputShape[2]);
}
