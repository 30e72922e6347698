using System;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// How an <see cref="ImageFolderData"/> turns files into samples. Nothing is converted or resized unless asked for
/// here: a file of the other colour kind is an error without <see cref="ConvertColour"/>, and only
/// <see cref="Downscale"/> resizes.
/// </summary>
public sealed record ImageFolderOptions
{
    /// <summary>Channels of every sample: 1 (grayscale) or 3 (RGB).</summary>
    public required int Channels { get; init; }

    /// <summary>Height of a patch in pixels (unused by <see cref="ImageCrop.Whole"/>).</summary>
    public required int PatchHeight { get; init; }

    /// <summary>Width of a patch in pixels (unused by <see cref="ImageCrop.Whole"/>).</summary>
    public required int PatchWidth { get; init; }

    /// <summary>Where samples come from in each image: random patches (training, the default), centre patches or whole images (validation).</summary>
    public ImageCrop Crop { get; init; } = ImageCrop.Random;

    /// <summary>Mirror half the random patches left to right.</summary>
    public bool FlipHorizontal { get; init; }

    /// <summary>Mirror half the random patches top to bottom.</summary>
    public bool FlipVertical { get; init; }

    /// <summary>
    /// Shrink each random patch's image by a factor drawn from this range first (the patch then covers a larger area,
    /// shrunk with mipmapped trilinear sampling); null takes patches at the file's own scale.
    /// </summary>
    public DownscaleRange? Downscale { get; init; }

    /// <summary>
    /// Convert a colour file to grey (BT.601 luma) when <see cref="Channels"/> is 1, or a grey file to RGB when it is 3;
    /// without it such a file is an error naming it.
    /// </summary>
    public bool ConvertColour { get; init; }

    /// <summary>
    /// Random patches cut from each file every epoch (1 by default): an epoch is this many samples a file, each with its own
    /// place, flips and scale, shuffled among the others'. A folder of few large photos gives batches larger than it has files.
    /// Random crops only.
    /// </summary>
    public int PatchesPerImage { get; init; } = 1;

    /// <summary>What to do with a file that cannot be read or decoded, or is smaller than a patch.</summary>
    public BadImagePolicy BadImages { get; init; } = BadImagePolicy.Fail;

    /// <summary>Threads that read and decode files in the background.</summary>
    public int DecodeThreads { get; init; } = Math.Clamp(Environment.ProcessorCount - 1, 1, 4);

    /// <summary>
    /// Decoded images kept in memory for later epochs, up to this many bytes (4 a pixel): a folder whose images fit is read
    /// and decoded once, a larger one keeps the first it meets and decodes the rest each epoch. 0 (the default) keeps none,
    /// streaming every epoch from the files. The samples are the same either way; only the time to make them changes.
    /// The files must not change while training.
    /// </summary>
    public long CacheBytes { get; init; }

    /// <summary>Batches decoded ahead of the training step at most; with the threads' work in hand, this bounds memory.</summary>
    public int PrefetchBatches { get; init; } = 2;

    internal void Validate(string paramName)
    {
        if (Channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(paramName, Channels, "ImageFolderOptions.Channels must be 1 (grayscale) or 3 (RGB).");
        if (Crop != ImageCrop.Whole && (PatchHeight <= 0 || PatchWidth <= 0))
            throw new ArgumentOutOfRangeException(paramName, $"{PatchHeight}×{PatchWidth}", "ImageFolderOptions.PatchHeight and PatchWidth must be positive.");
        if (DecodeThreads <= 0)
            throw new ArgumentOutOfRangeException(paramName, DecodeThreads, "ImageFolderOptions.DecodeThreads must be positive.");
        if (CacheBytes < 0)
            throw new ArgumentOutOfRangeException(paramName, CacheBytes, "ImageFolderOptions.CacheBytes must be 0 (keep nothing) or positive.");
        if (PrefetchBatches <= 0)
            throw new ArgumentOutOfRangeException(paramName, PrefetchBatches, "ImageFolderOptions.PrefetchBatches must be positive.");
        if (PatchesPerImage <= 0)
            throw new ArgumentOutOfRangeException(paramName, PatchesPerImage, "ImageFolderOptions.PatchesPerImage must be positive.");
        if (Crop != ImageCrop.Random && PatchesPerImage != 1)
            throw new ArgumentException($"Several patches a file are random patches; ImageCrop.{Crop} takes one sample a file (PatchesPerImage 1).", paramName);
        if (Crop != ImageCrop.Random && (FlipHorizontal || FlipVertical || Downscale is not null))
            throw new ArgumentException($"Flips and downscaling augment random patches; they cannot be used with ImageCrop.{Crop}.", paramName);
        Downscale?.Validate(paramName);
    }
}
