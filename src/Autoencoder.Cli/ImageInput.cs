using System;
using System.Collections.Generic;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Cli;

/// <summary>Images a command works on, [N, C, H, W] in [0, 1], with the file each came from (image folders) or the labels (MNIST).</summary>
internal sealed class ImageInput(Tensor images, IReadOnlyList<string>? paths, Tensor? labels, string description) : IDisposable
{
    public Tensor Images { get; } = images;

    /// <summary>The image files, for inputs read from a folder; null for IDX data.</summary>
    public IReadOnlyList<string>? Paths { get; } = paths;

    /// <summary>Class labels [N], for MNIST data.</summary>
    public Tensor? Labels { get; } = labels;

    /// <summary>What was read, for the report: "300 images from data/mnist (test split)".</summary>
    public string Description { get; } = description;

    public int Count => (int)Images.shape[0];

    /// <summary>A file name (without extension) for each image: the source file's, or its index for IDX data.</summary>
    public string Name(int index) =>
        Paths is null ? index.ToString("D5", System.Globalization.CultureInfo.InvariantCulture) : Path.GetFileNameWithoutExtension(Paths[index]);

    /// <summary>
    /// Reads <paramref name="path"/>: a folder holding the four MNIST IDX files (<paramref name="split"/> chooses which
    /// half), one IDX image file (raw or .gz, its labels read from the matching idx1 file beside it when there is one),
    /// or an image file or folder of PNG/JPEG/WebP/BMP files as <paramref name="layout"/>, resized or converted between
    /// colour and grayscale only as <paramref name="conversion"/> allows (otherwise a file that differs is an error saying
    /// which option would change it).
    /// </summary>
    public static ImageInput Load(string path, ImageLayout layout, string split = "test", int? limit = null, FileConversion? conversion = null)
    {
        if (Directory.Exists(path))
        {
            if (IsMnistFolder(path, split))
            {
                RequireMnistLayout(path, layout);
                var subset = split == "train" ? MnistSubset.Train : MnistSubset.Test;
                var mnist = MnistDataset.LoadSplit(path, subset, limit);
                return new ImageInput(mnist.Images, null, mnist.Labels, $"{mnist.Count} images from {path} (MNIST {split} split)");
            }
        }
        else if (!File.Exists(path))
        {
            throw new CliException($"'{path}' does not exist (expected an image file, a folder of images, or MNIST IDX data)");
        }
        else if (IsIdxImages(path))
        {
            return LoadIdx(path, layout, limit);
        }

        conversion ??= FileConversion.None;
        LoadedImages loaded;
        try
        {
            loaded = ImageFolder.Load(path, layout, conversion.Resize, limit, conversion.ConvertChannels);
        }
        catch (ImageFileException e) when (e.Mismatch != ImageMismatch.None)
        {
            var option = e.Mismatch == ImageMismatch.Size ? "--resize" : "--convert-channels";
            throw new CliException($"{e.Message} (pass {option} to change it)");
        }

        var paths = loaded.Paths;
        return new ImageInput(loaded.Images, paths, null, $"{paths.Count} image{(paths.Count == 1 ? "" : "s")} from {path}");
    }

    private static ImageInput LoadIdx(string path, ImageLayout layout, int? limit)
    {
        if (layout.Channels != 1)
            throw new CliException($"{path}: IDX images are grayscale, but the model takes {layout.Channels} channels");
        var idx = IdxReader.ReadImages(path, layout.Height, layout.Width, limit);
        using var scope = NewDisposeScope();
        var images = tensor(idx.Data, [idx.Count, 1, layout.Height, layout.Width], ScalarType.Byte).to_type(ScalarType.Float32).div_(Of(255.0));
        Tensor? labels = null;
        var labelPath = LabelFileBeside(path);
        if (labelPath is not null)
        {
            var read = IdxReader.ReadLabels(labelPath, limit);
            if (read.Count != idx.Count)
                throw new CliException($"{labelPath}: has {read.Count} labels for {idx.Count} images in {path}");
            labels = tensor(read.Data, [read.Count], ScalarType.Byte).to_type(ScalarType.Int64).MoveToOuterDisposeScope();
        }
        return new ImageInput(images.MoveToOuterDisposeScope(), null, labels, $"{idx.Count} images from {path}");
    }

    /// <summary>Whether <paramref name="directory"/> holds the MNIST images of <paramref name="split"/> (raw or .gz).</summary>
    public static bool IsMnistFolder(string directory, string split = "test")
    {
        if (!Directory.Exists(directory))
            return false;
        var prefix = split == "train" ? "train" : "t10k";
        return File.Exists(Path.Combine(directory, $"{prefix}-images-idx3-ubyte"))
               || File.Exists(Path.Combine(directory, $"{prefix}-images-idx3-ubyte.gz"));
    }

    internal static bool IsIdxImages(string path) => Path.GetFileName(path).Contains("idx3-ubyte", StringComparison.OrdinalIgnoreCase);

    private static string? LabelFileBeside(string imagePath)
    {
        var name = Path.GetFileName(imagePath).Replace("idx3-ubyte", "idx1-ubyte", StringComparison.OrdinalIgnoreCase)
            .Replace("images", "labels", StringComparison.OrdinalIgnoreCase);
        var candidate = Path.Combine(Path.GetDirectoryName(imagePath) ?? ".", name);
        return File.Exists(candidate) && !string.Equals(candidate, imagePath, StringComparison.Ordinal) ? candidate : null;
    }

    private static void RequireMnistLayout(string path, ImageLayout layout)
    {
        if (layout != new ImageLayout(1, MnistDataset.ImageSide, MnistDataset.ImageSide))
            throw new CliException($"{path}: MNIST images are 1×28×28, but the model takes {layout.Channels}×{layout.Height}×{layout.Width}");
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels?.Dispose();
    }
}
