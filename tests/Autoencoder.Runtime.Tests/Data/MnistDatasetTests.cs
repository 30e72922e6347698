using System;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Runtime.Tests.Data;

public sealed class MnistDatasetTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Shipped_test_split_has_the_published_shape_values_and_labels()
    {
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test);

        test.Count.ShouldBe(10_000);
        test.Images.shape.ShouldBe([10_000L, 1, 28, 28]);
        test.Images.dtype.ShouldBe(torch.ScalarType.Float32);
        test.Images.min().item<float>().ShouldBe(0f);
        test.Images.max().item<float>().ShouldBe(1f);
        test.Images.mean().item<float>().ShouldBe(0.13251f, tolerance: 1e-5f);

        test.Labels.shape.ShouldBe([10_000L]);
        test.Labels.dtype.ShouldBe(torch.ScalarType.Int64);
        test.Labels[..10].data<long>().ToArray().ShouldBe([7L, 2, 1, 0, 4, 1, 4, 9, 5, 9]);
        torch.bincount(test.Labels).data<long>().ToArray()
            .ShouldBe([980L, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009]);
    }

    [Fact]
    public void First_test_image_is_the_seven_with_known_pixels()
    {
        using var test = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: 1);

        var first = test.Images[0, 0];
        first.sum().item<float>().ShouldBe(18454f / 255f, tolerance: 1e-3f);
        first[7, 6].item<float>().ShouldBe(84f / 255f, tolerance: 1e-6f);
        first[0, 0].item<float>().ShouldBe(0f);
    }

    [Fact]
    public void Load_limits_both_splits()
    {
        using var mnist = MnistDataset.Load(RepoPaths.MnistDirectory, maxTrain: 100, maxTest: 50);

        mnist.Train.Count.ShouldBe(100);
        mnist.Train.Images.shape.ShouldBe([100L, 1, 28, 28]);
        mnist.Train.Labels[..5].data<long>().ToArray().ShouldBe([5L, 0, 4, 1, 9]);
        mnist.Test.Count.ShouldBe(50);
        mnist.Test.Labels[0].item<long>().ShouldBe(7L);
    }

    [Fact]
    public void Reads_raw_and_gzip_files_side_by_side()
    {
        WriteSplit("t10k", images: 3, labels: [3, 1, 4], gzipImages: false, gzipLabels: true);

        using var test = MnistDataset.LoadSplit(_temp.Path, MnistSubset.Test);

        test.Count.ShouldBe(3);
        test.Labels.data<long>().ToArray().ShouldBe([3L, 1, 4]);
        test.Images[2, 0, 27, 27].item<float>().ShouldBe(((2 * 784) + 783) % 256 / 255f, tolerance: 1e-6f);
    }

    [Fact]
    public void Missing_file_lists_the_directory_and_the_names_tried()
    {
        WriteSplit("t10k", images: 2, labels: [0, 1], gzipImages: true, gzipLabels: true);
        File.Delete(_temp.File("t10k-labels-idx1-ubyte.gz"));

        var error = Should.Throw<FileNotFoundException>(() => MnistDataset.LoadSplit(_temp.Path, MnistSubset.Test));

        error.Message.ShouldContain(_temp.Path);
        error.Message.ShouldContain("'t10k-labels-idx1-ubyte', 't10k-labels-idx1-ubyte.gz'");
    }

    [Fact]
    public void Missing_directory_is_named_as_missing()
    {
        var missing = _temp.File("nowhere");

        var error = Should.Throw<FileNotFoundException>(() => MnistDataset.Load(missing));

        error.Message.ShouldContain($"'{missing}' (which does not exist)");
        error.Message.ShouldContain("train-images-idx3-ubyte");
    }

    [Fact]
    public void Image_and_label_count_mismatch_names_both_files()
    {
        WriteSplit("train", images: 3, labels: [1, 2], gzipImages: false, gzipLabels: false);

        var error = Should.Throw<IdxFormatException>(() => MnistDataset.LoadSplit(_temp.Path, MnistSubset.Train, maxCount: 1));

        error.Message.ShouldContain(_temp.File("train-labels-idx1-ubyte"));
        error.Message.ShouldContain(_temp.File("train-images-idx3-ubyte"));
        error.Message.ShouldContain("declares 2 labels but");
        error.Message.ShouldContain("declares 3 images");
    }

    [Fact]
    public void Label_outside_0_to_9_is_reported_at_its_offset()
    {
        WriteSplit("train", images: 3, labels: [1, 12, 2], gzipImages: false, gzipLabels: false);

        var error = Should.Throw<IdxFormatException>(() => MnistDataset.LoadSplit(_temp.Path, MnistSubset.Train));

        error.Offset.ShouldBe(9);
        error.Message.ShouldContain("label 1 is 12, expected a digit 0-9");
    }

    private void WriteSplit(string prefix, int images, byte[] labels, bool gzipImages, bool gzipLabels)
    {
        var imageBytes = IdxBytes.Valid(images, 28, 28);
        var labelBytes = IdxBytes.Labels(labels);
        File.WriteAllBytes(
            _temp.File($"{prefix}-images-idx3-ubyte" + (gzipImages ? ".gz" : "")),
            gzipImages ? IdxBytes.Gzip(imageBytes) : imageBytes);
        File.WriteAllBytes(
            _temp.File($"{prefix}-labels-idx1-ubyte" + (gzipLabels ? ".gz" : "")),
            gzipLabels ? IdxBytes.Gzip(labelBytes) : labelBytes);
    }
}
