using System.Collections.Generic;
using System.IO;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// The photographs a command gives a model of free size: an image file, or the image files of a folder, each used at its own
/// height and width and loaded only when its turn comes, so a folder of large photos never sits in memory at once.
/// </summary>
internal sealed class PhotoInput
{
    private readonly bool _convertChannels;

    private PhotoInput(IReadOnlyList<string> paths, int channels, bool convertChannels, string description)
    {
        Paths = paths;
        Channels = channels;
        _convertChannels = convertChannels;
        Description = description;
    }

    /// <summary>The image files, in the order of <see cref="ImageFolder.Files"/>.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The channels each photo is loaded as: the model's.</summary>
    public int Channels { get; }

    /// <summary>What was read, for the report: "24 photos from kodak/".</summary>
    public string Description { get; }

    public int Count => Paths.Count;

    /// <summary>Photo <paramref name="index"/>'s file name without its extension.</summary>
    public string Name(int index) => Path.GetFileNameWithoutExtension(Paths[index]);

    /// <summary>
    /// Lists <paramref name="path"/> for <paramref name="model"/>. Photos are never resized for a model that takes any size,
    /// so <c>--resize</c> is refused; MNIST and IDX data are images of one size, for the fixed-size models.
    /// </summary>
    public static PhotoInput Open(string path, LoadedModel model, int? limit, FileConversion conversion)
    {
        var geometry = model.Geometry!;
        if (conversion.Resize)
            throw new CliException($"--resize: '{model.Entry.Name}' takes photos of any size ({geometry}); each is used at its own size");
        if (ImageInput.IsMnistFolder(path, "test") || ImageInput.IsMnistFolder(path, "train") || ImageInput.IsIdxImages(path))
        {
            throw new CliException($"{path}: is MNIST/IDX data, but '{model.Entry.Name}' is a model for photographs; give an image file or a folder of images");
        }

        var files = ImageFolder.Files(path, limit);
        var description = $"{files.Length} photo{(files.Length == 1 ? "" : "s")} from {path}";
        return new PhotoInput(files, geometry.Channels, conversion.ConvertChannels, description);
    }

    /// <summary>Photo <paramref name="index"/> as [C, H, W] in [0, 1]; other channels are an error naming the option that converts them.</summary>
    public Tensor Load(int index)
    {
        try
        {
            return ImageFile.LoadNative(Paths[index], Channels, _convertChannels);
        }
        catch (ImageFileException e) when (e.Mismatch == ImageMismatch.Channels)
        {
            throw new CliException($"{e.Message} (pass --convert-channels to change it)");
        }
    }

    /// <summary>"768×512 RGB" for an image [C, H, W].</summary>
    public static string Describe(IReadOnlyList<long> shape) =>
        $"{shape[2]}×{shape[1]} {(shape[0] == 1 ? "grayscale" : shape[0] == 3 ? "RGB" : shape[0] + "-channel")}";
}
