using System;
using Autoencoder.Runtime.IO;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Writes a grid of any number of rows of images as one PNG, e.g. samples from a generative model or interpolation
/// paths (one path per row), with <see cref="ImageGrid.GapPixels"/> of grey between images.
/// </summary>
public static class ImageRows
{
    /// <summary>
    /// Saves <paramref name="images"/>, [rows, columns, C, H, W] with C = 1 or 3, as a PNG grid; values are clamped to
    /// [0, 1] (NaN becomes 0). The directory is created if needed, and the file is replaced atomically.
    /// </summary>
    public static void Save(torch.Tensor images, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        AtomicFile.WriteAllBytes(path, Compose(images).EncodePng());
    }

    /// <summary>The grid that <see cref="Save"/> writes, in memory.</summary>
    public static PixelImage Compose(torch.Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        var shape = images.shape;
        if (shape.Length != 5 || (shape[2] != 1 && shape[2] != 3) || shape[0] == 0 || shape[1] == 0 || shape[3] == 0 || shape[4] == 0)
        {
            throw new ArgumentException(
                $"Expected images of shape [rows, columns, 1 or 3, H, W] with every size > 0, got [{string.Join(", ", shape)}].", nameof(images));
        }

        int rows = (int)shape[0], columns = (int)shape[1], channels = (int)shape[2], height = (int)shape[3], width = (int)shape[4];
        int gridWidth = checked((columns * width) + ((columns - 1) * ImageGrid.GapPixels));
        int gridHeight = checked((rows * height) + ((rows - 1) * ImageGrid.GapPixels));
        var pixels = new byte[checked(gridWidth * gridHeight * channels)];
        pixels.AsSpan().Fill(ImageGrid.GapLevel);

        var bytes = ToBytes(images);
        var plane = height * width;
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < columns; c++)
            {
                int top = r * (height + ImageGrid.GapPixels), left = c * (width + ImageGrid.GapPixels);
                for (int ch = 0; ch < channels; ch++)
                {
                    var source = (((r * columns) + c) * channels + ch) * plane;
                    for (int y = 0; y < height; y++)
                    {
                        for (int x = 0; x < width; x++)
                        {
                            pixels[((((top + y) * gridWidth) + left + x) * channels) + ch] = bytes[source + (y * width) + x];
                        }
                    }
                }
            }
        }

        return new PixelImage(pixels, gridWidth, gridHeight, channels == 1 ? PngColorType.Grayscale : PngColorType.Rgb);
    }

    private static byte[] ToBytes(torch.Tensor images)
    {
        using var scope = torch.NewDisposeScope();
        using var noGrad = torch.no_grad();
        var quantised = images.detach().cpu().to_type(torch.ScalarType.Float32)
            .nan_to_num(0).clamp(Zero, One).mul(Of(255.0)).round().to_type(torch.ScalarType.Byte).contiguous();
        return quantised.data<byte>().ToArray();
    }
}
