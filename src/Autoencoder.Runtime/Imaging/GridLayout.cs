using System;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Geometry of a two-row grid of <c>count</c> images, each C×H×W, separated by
/// <see cref="ImageGrid.GapPixels"/>; maps planar image bytes into interleaved grid pixels.
/// </summary>
internal readonly struct GridLayout(int count, int channels, int imageHeight, int imageWidth)
{
    private const int Rows = 2;

    public int Width { get; } = checked((count * imageWidth) + ((count - 1) * ImageGrid.GapPixels));

    public int Height { get; } = checked((Rows * imageHeight) + ((Rows - 1) * ImageGrid.GapPixels));

    public int ByteCount => checked(Width * Height * channels);

    /// <summary>Copies <paramref name="images"/> ([count, C, H, W], planar) into grid row <paramref name="row"/>.</summary>
    public void Place(ReadOnlySpan<byte> images, Span<byte> grid, int row)
    {
        var planeSize = imageHeight * imageWidth;
        var top = row * (imageHeight + ImageGrid.GapPixels);
        for (var i = 0; i < count; i++)
        {
            var left = i * (imageWidth + ImageGrid.GapPixels);
            for (var c = 0; c < channels; c++)
            {
                var plane = images.Slice(((i * channels) + c) * planeSize, planeSize);
                for (var y = 0; y < imageHeight; y++)
                {
                    var gridRow = ((top + y) * Width) + left;
                    for (var x = 0; x < imageWidth; x++)
                    {
                        grid[((gridRow + x) * channels) + c] = plane[(y * imageWidth) + x];
                    }
                }
            }
        }
    }
}
