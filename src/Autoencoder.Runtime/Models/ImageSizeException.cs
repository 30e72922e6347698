using System;

namespace Autoencoder.Runtime.Models;

/// <summary>An image whose size a model cannot take: a fixed-size model given another size. The message names both sizes.</summary>
public sealed class ImageSizeException : ArgumentException
{
    /// <summary>Creates the exception for an image of <paramref name="height"/>×<paramref name="width"/>.</summary>
    public ImageSizeException(ImageGeometry geometry, long height, long width)
        : base($"The image is {width}×{height} (width×height) but the model takes {geometry.Width}×{geometry.Height} only. " +
               "Images are never resized silently: resize it yourself, or ask for resizing explicitly.")
    {
        Geometry = geometry;
        Height = height;
        Width = width;
    }

    /// <summary>What the model takes.</summary>
    public ImageGeometry Geometry { get; }

    /// <summary>The image's height.</summary>
    public long Height { get; }

    /// <summary>The image's width.</summary>
    public long Width { get; }
}
