using System;

namespace Autoencoder;

/// <summary>
/// How the generated trainer reads a folder of images (<c>Trainer.Fit(string imageFolder)</c>): the side of the square
/// random patches and their augmentations; the generated options start from these and can be overridden at run time.
/// YAML: <c>training_data: {patch_size: 256, flip_horizontal: true}</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class TrainingDataAttribute : Attribute
{
    /// <summary>
    /// The side of the square patches cropped at random from each image. A fixed-size model's patches are its input size; a
    /// model of free sizes takes a multiple of its size multiple, <see cref="Defaults.PatchSize"/> rounded up to one unless set.
    /// </summary>
    public int PatchSize { get; set; }

    /// <summary>Mirror half the patches left to right.</summary>
    public bool FlipHorizontal { get; set; }

    /// <summary>Mirror half the patches top to bottom.</summary>
    public bool FlipVertical { get; set; }

    /// <summary>
    /// Shrink each image by a random factor between this and 1 before the patch is cut, so patches see more of the scene
    /// at a coarser scale; 1 (the default) keeps every file's own scale.
    /// </summary>
    public double MinimumScale { get; set; } = Defaults.MinimumScale;

    /// <summary>
    /// Random patches cut from each image every epoch (1 by default), each with its own place, flips and scale: a folder of
    /// a few large photos then fills batches larger than it has files.
    /// </summary>
    public int PatchesPerImage { get; set; } = Defaults.PatchesPerImage;
}
