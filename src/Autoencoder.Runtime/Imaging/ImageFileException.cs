using System.IO;

namespace Autoencoder.Runtime.Imaging;

/// <summary>An image file that cannot be read (missing, not PNG/JPEG/..., damaged) or not as the model takes it; the message names the file and the reason.</summary>
public sealed class ImageFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    public ImageFileException(string path, string reason) : this(path, reason, ImageMismatch.None)
    {
    }

    /// <summary>Creates the exception for <paramref name="path"/>, an image read well that the model does not take as it is.</summary>
    public ImageFileException(string path, string reason, ImageMismatch mismatch) : base($"{path}: {reason}")
    {
        Path = path;
        Mismatch = mismatch;
    }

    /// <summary>The file that could not be read.</summary>
    public string Path { get; }

    /// <summary>What differs from what the model takes, when the file itself is fine; <see cref="ImageMismatch.None"/> otherwise.</summary>
    public ImageMismatch Mismatch { get; }
}

/// <summary>How an image that was read well differs from what the model takes: what a caller would have to ask for explicitly.</summary>
public enum ImageMismatch
{
    /// <summary>The file itself is the problem (missing, damaged, not an image).</summary>
    None,

    /// <summary>Another height or width: resizing was not asked for.</summary>
    Size,

    /// <summary>Colour for a grayscale model or grayscale for a colour one: conversion was not asked for.</summary>
    Channels,
}
