using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>
/// ImageFolderOptions.CacheBytes: decoded images kept for later epochs give the samples streaming gives, are what later
/// epochs read (the files can be gone), and never take more than the budget.
/// </summary>
public sealed class DecodedImageCacheTests
{
    private const int Width = 24;
    private const int Height = 20;
    private const long ImageBytes = Width * Height * 4;

    private static ImageFolderOptions Augmented(int channels) => new()
    {
        Channels = channels, PatchHeight = 8, PatchWidth = 8, DecodeThreads = 2, ConvertColour = true,
        FlipHorizontal = true, FlipVertical = true, Downscale = new DownscaleRange(0.5, 1),
    };

    private static List<Tensor> ReadEpoch(ImageFolderData data, int epoch, int batchSize = 3)
    {
        using var batches = data.OpenEpoch(new EpochPlan(Seed: 5, epoch, batchSize, Shuffle: true));
        var all = new List<Tensor>();
        while (batches.Next() is { } batch)
        {
            // A batch whose only file was skipped has no inputs.
            if (batch.Inputs is { } inputs)
                all.Add(inputs.clone());
        }

        return all;
    }

    private static void ShouldBeSame(List<Tensor> actual, List<Tensor> expected)
    {
        actual.Count.ShouldBe(expected.Count);
        for (int i = 0; i < expected.Count; i++)
            actual[i].eq(expected[i]).all().item<bool>().ShouldBeTrue($"batch {i}");
    }

    [Theory]
    [InlineData(3, ImageCrop.Random)]
    [InlineData(1, ImageCrop.Random)]
    [InlineData(3, ImageCrop.Whole)]
    public void Kept_images_give_the_streamed_samples_and_later_epochs_need_no_files(int channels, ImageCrop crop)
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 7, Width, Height);
        var options = crop == ImageCrop.Whole
            ? new ImageFolderOptions { Channels = channels, PatchHeight = 0, PatchWidth = 0, Crop = crop, DecodeThreads = 2 }
            : Augmented(channels);
        var streamed = new ImageFolderData(directory.Path, options);
        var cached = new ImageFolderData(directory.Path, options with { CacheBytes = 1 << 20 });
        var expectedFirst = ReadEpoch(streamed, epoch: 1);
        var expectedSecond = ReadEpoch(streamed, epoch: 2);

        ShouldBeSame(ReadEpoch(cached, epoch: 1), expectedFirst);
        cached.CachedBytes.ShouldBe(7 * ImageBytes);
        foreach (var file in cached.Files)
            File.Delete(file);

        ShouldBeSame(ReadEpoch(cached, epoch: 2), expectedSecond);
        Should.Throw<ImageFileException>(() => ReadEpoch(streamed, epoch: 2)).Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void A_budget_smaller_than_the_folder_keeps_what_fits_and_reads_the_rest_from_the_files()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 6, Width, Height);
        var data = new ImageFolderData(directory.Path, Augmented(3) with { CacheBytes = (2 * ImageBytes) + 100, DecodeThreads = 1 });

        ReadEpoch(data, epoch: 1);
        data.CachedBytes.ShouldBe(2 * ImageBytes);
        foreach (var file in data.Files)
            File.Delete(file);

        // Two of six are kept: the first batch of three cannot be made without a file.
        Should.Throw<ImageFileException>(() => ReadEpoch(data, epoch: 2)).Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void Images_that_give_no_sample_are_not_kept()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 2, Width, Height);
        ImageFolders.Write(directory.Path, 1, 6, 6, prefix: "small");
        var data = new ImageFolderData(directory.Path, Augmented(3) with { CacheBytes = 1 << 20, BadImages = BadImagePolicy.Skip });

        ReadEpoch(data, epoch: 1, batchSize: 1).Count.ShouldBe(2);
        data.CachedBytes.ShouldBe(2 * ImageBytes);
        data.SkippedFiles.Single().Path.ShouldEndWith("small000.png");
    }

    [Fact]
    public void A_negative_budget_is_refused()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 1, Width, Height);
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageFolderData(directory.Path, Augmented(3) with { CacheBytes = -1 }))
            .Message.ShouldContain("CacheBytes");
    }
}
