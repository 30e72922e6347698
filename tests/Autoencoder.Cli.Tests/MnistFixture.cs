using System;
using System.Buffers.Binary;
using System.IO;
using Autoencoder.Runtime.Data;

namespace Autoencoder.Cli.Tests;

/// <summary>
/// A small MNIST folder (300 training and 100 test digits from the repository's copy, as raw IDX files) and a
/// `dense` model file trained on it by the tool, shared by the tests.
/// </summary>
public sealed class MnistFixture : IDisposable
{
    public const int TrainCount = 300;
    public const int TestCount = 100;

    public MnistFixture()
    {
        Root = Directory.CreateTempSubdirectory("autoencoder-cli-").FullName;
        Data = Path.Combine(Root, "mnist");
        Directory.CreateDirectory(Data);
        var source = Path.Combine(RepositoryRoot(), "data", "mnist");
        foreach (var (prefix, count) in new[] { ("train", TrainCount), ("t10k", TestCount) })
        {
            var images = IdxReader.ReadImages(Path.Combine(source, $"{prefix}-images-idx3-ubyte.gz"), 28, 28, count);
            var labels = IdxReader.ReadLabels(Path.Combine(source, $"{prefix}-labels-idx1-ubyte.gz"), count);
            WriteIdx(Path.Combine(Data, $"{prefix}-images-idx3-ubyte"), [count, 28, 28], images.Data);
            WriteIdx(Path.Combine(Data, $"{prefix}-labels-idx1-ubyte"), [count], labels.Data);
        }

        DenseModel = Path.Combine(Root, "dense.aem");
        TrainOutput = CliResult.Run("train", "dense", "--data", Data, "--epochs", "4", "--batch-size", "32", "--out", DenseModel);
    }

    public string Root { get; }

    /// <summary>The folder with the four MNIST IDX files.</summary>
    public string Data { get; }

    /// <summary>The test images as one IDX file.</summary>
    public string TestImages => Path.Combine(Data, "t10k-images-idx3-ubyte");

    /// <summary>A `dense` model file trained by <c>autoencoder train</c>.</summary>
    public string DenseModel { get; }

    public CliResult TrainOutput { get; }

    /// <summary>A fresh folder for one test.</summary>
    public string NewDirectory() => Directory.CreateDirectory(Path.Combine(Root, Guid.NewGuid().ToString("N"))).FullName;

    /// <summary>Writes an unsigned-byte IDX file.</summary>
    public static void WriteIdx(string path, int[] dimensions, byte[] data)
    {
        using var file = File.Create(path);
        file.Write([0, 0, 0x08, (byte)dimensions.Length]);
        Span<byte> size = stackalloc byte[4];
        foreach (var dimension in dimensions)
        {
            BinaryPrimitives.WriteInt32BigEndian(size, dimension);
            file.Write(size);
        }
        file.Write(data);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Autoencoder.sln above '{AppContext.BaseDirectory}'.");
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
