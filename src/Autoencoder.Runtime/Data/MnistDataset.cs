using System;
using System.IO;
using System.Linq;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// MNIST loaded from the four standard IDX files (each raw or <c>.gz</c>) in one directory.
/// Disposing it frees the tensors of both splits.
/// </summary>
public sealed class MnistDataset : IDisposable
{
    /// <summary>Height and width of every MNIST image.</summary>
    public const int ImageSide = 28;

    /// <summary>Number of classes (digits 0-9).</summary>
    public const int ClassCount = 10;

    private MnistDataset(MnistSplit train, MnistSplit test)
    {
        Train = train;
        Test = test;
    }

    /// <summary>The training split (up to 60,000 samples).</summary>
    public MnistSplit Train { get; }

    /// <summary>The test split (up to 10,000 samples).</summary>
    public MnistSplit Test { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        Train.Dispose();
        Test.Dispose();
    }

    /// <summary>Loads both splits from <paramref name="directory"/>.</summary>
    /// <param name="directory">Holds <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
    /// <c>t10k-images-idx3-ubyte</c> and <c>t10k-labels-idx1-ubyte</c>, each optionally gzip-compressed with a <c>.gz</c> suffix.</param>
    /// <param name="maxTrain">Keep at most this many training samples (the first ones).</param>
    /// <param name="maxTest">Keep at most this many test samples (the first ones).</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message lists the directory and the names tried.</exception>
    /// <exception cref="IdxFormatException">A file is invalid, or image and label counts differ.</exception>
    public static MnistDataset Load(string directory, int? maxTrain = null, int? maxTest = null)
    {
        var train = LoadSplit(directory, MnistSubset.Train, maxTrain);
        try
        {
            return new MnistDataset(train, LoadSplit(directory, MnistSubset.Test, maxTest));
        }
        catch
        {
            train.Dispose();
            throw;
        }
    }

    /// <summary>Loads one split from <paramref name="directory"/>.</summary>
    /// <param name="directory">The directory holding the standard file names (see <see cref="Load"/>).</param>
    /// <param name="subset">Which split.</param>
    /// <param name="maxCount">Keep at most this many samples (the first ones).</param>
    /// <exception cref="FileNotFoundException">A file is missing; the message lists the directory and the names tried.</exception>
    /// <exception cref="IdxFormatException">A file is invalid, or image and label counts differ.</exception>
    public static MnistSplit LoadSplit(string directory, MnistSubset subset, int? maxCount = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        var prefix = subset == MnistSubset.Train ? "train" : "t10k";
        var images = IdxReader.ReadImages(FindFile(directory, $"{prefix}-images-idx3-ubyte"), ImageSide, ImageSide, maxCount);
        var labels = IdxReader.ReadLabels(FindFile(directory, $"{prefix}-labels-idx1-ubyte"), maxCount);
        if (images.ItemsInFile != labels.ItemsInFile)
        {
            throw new IdxFormatException(
                labels.FilePath, 4, $"declares {labels.ItemsInFile} labels but '{images.FilePath}' declares {images.ItemsInFile} images");
        }

        CheckLabelRange(labels);
        return ToTensors(images, labels);
    }

    private static string FindFile(string directory, string baseName)
    {
        string[] candidates = [baseName, baseName + ".gz"];
        foreach (var name in candidates)
        {
            var path = Path.Combine(directory, name);
            if (File.Exists(path))
            {
                return path;
            }
        }

        var where = Directory.Exists(directory) ? $"'{directory}'" : $"'{directory}' (which does not exist)";
        throw new FileNotFoundException(
            $"MNIST file not found in {where}: tried {string.Join(", ", candidates.Select(c => $"'{c}'"))}.",
            Path.Combine(directory, baseName));
    }

    private static void CheckLabelRange(IdxArray labels)
    {
        var data = labels.Data;
        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] >= ClassCount)
            {
                const int labelDataStart = 8;
                throw new IdxFormatException(labels.FilePath, labelDataStart + i, $"label {i} is {data[i]}, expected a digit 0-{ClassCount - 1}");
            }
        }
    }

    // One tensor over each byte buffer; the float conversion and scaling run inside libtorch.
    private static MnistSplit ToTensors(IdxArray images, IdxArray labels)
    {
        using var scope = torch.NewDisposeScope();
        long[] imageShape = [images.Count, 1, ImageSide, ImageSide];
        var pixels = torch.tensor(images.Data, imageShape, torch.ScalarType.Byte)
            .to_type(torch.ScalarType.Float32)
            .div_(Of(255.0));
        var digits = torch.tensor(labels.Data, [labels.Count], torch.ScalarType.Byte)
            .to_type(torch.ScalarType.Int64);
        return new MnistSplit(pixels.MoveToOuterDisposeScope(), digits.MoveToOuterDisposeScope());
    }
}
