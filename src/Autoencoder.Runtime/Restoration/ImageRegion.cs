using System;
using System.Globalization;
using Autoencoder.Runtime.Corruption;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Restoration;

/// <summary>A rectangle of pixels: left column <paramref name="X"/>, top row <paramref name="Y"/>, <paramref name="Width"/> × <paramref name="Height"/>.</summary>
public sealed record ImageRegion(int X, int Y, int Width, int Height)
{
    /// <summary>Reads <c>x,y,w,h</c> (whole numbers, w and h positive).</summary>
    /// <exception cref="FormatException">The text is not four such numbers; the message quotes it.</exception>
    public static ImageRegion Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(',');
        var values = new int[4];
        if (parts.Length != 4)
            throw new FormatException($"'{text}' is not a region x,y,w,h (four whole numbers separated by commas, e.g. 9,9,10,10)");
        for (int i = 0; i < 4; i++)
        {
            if (!int.TryParse(parts[i].Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < 0)
                throw new FormatException($"'{text}' is not a region x,y,w,h: '{parts[i]}' is not a whole number >= 0");
        }
        if (values[2] == 0 || values[3] == 0)
            throw new FormatException($"'{text}' is not a region x,y,w,h: the width and height must be at least 1");
        return new ImageRegion(values[0], values[1], values[2], values[3]);
    }

    /// <summary>The centred square whose side is half the image's shorter side: the default hole to fill.</summary>
    public static ImageRegion Centre(ImageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        int side = Math.Max(1, Math.Min(layout.Height, layout.Width) / 2);
        return new ImageRegion((layout.Width - side) / 2, (layout.Height - side) / 2, side, side);
    }

    /// <summary>Throws unless the region lies inside an image of <paramref name="layout"/>.</summary>
    public void RequireInside(ImageLayout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        // In long: a region near int.MaxValue would otherwise overflow past the check.
        if ((long)X + Width > layout.Width || (long)Y + Height > layout.Height)
            throw new ArgumentOutOfRangeException(nameof(layout),
                $"The region {this} does not fit in a {layout.Width}×{layout.Height} image (x + w must be at most {layout.Width}, y + h at most {layout.Height}).");
    }

    /// <summary>A copy of <paramref name="images"/> [N, C, H, W] with the region set to 0 in every image and channel.</summary>
    public Tensor Mask(Tensor images)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (images.dim() != 4)
            throw new ArgumentException($"Expected images [N, C, H, W], got [{string.Join(", ", images.shape)}].", nameof(images));
        RequireInside(new ImageLayout((int)images.shape[1], (int)images.shape[2], (int)images.shape[3]));
        return ImageCorruption.Region(images, X, Y, Width, Height);
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{X},{Y},{Width},{Height}");
}
