using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>How an image folder becomes samples: its index, its crops, and its refusals.</summary>
public sealed class ImageFolderDataTests
{
    private static ImageFolderOptions Patches(int size = 8, int channels = 3) =>
        new() { Channels = channels, PatchHeight = size, PatchWidth = size, DecodeThreads = 2 };

    private static bool Same(Tensor a, Tensor b) => a.shape.SequenceEqual(b.shape) && a.eq(b).all().item<bool>();

    private static Tensor[] ReadEpoch(ImageFolderData data, EpochPlan plan)
    {
        using var batches = data.OpenEpoch(plan);
        var all = new System.Collections.Generic.List<Tensor>();
        while (batches.Next() is { } batch)
            all.Add(batch.Inputs!.clone());
        return all.ToArray();
    }

    [Fact]
    public void Indexes_image_files_in_subfolders_in_ordinal_order_of_their_relative_paths()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(Path.Combine(directory.Path, "b"), 2, 10, 10, prefix: "x");
        ImageFolders.Write(Path.Combine(directory.Path, "B", "deep"), 1, 10, 10, prefix: "y");
        ImageFolders.Write(directory.Path, 1, 10, 10, prefix: "a");
        File.WriteAllText(directory.File("notes.txt"), "not an image");

        var data = new ImageFolderData(directory.Path, Patches());

        data.Files.Select(f => Path.GetRelativePath(directory.Path, f).Replace('\\', '/'))
            .ShouldBe(["B/deep/y000.png", "a000.png", "b/x000.png", "b/x001.png"]);
        data.Count.ShouldBe(4);
        data.SampleShape.ShouldBe([3L, 8, 8]);
    }

    [Fact]
    public void A_folder_without_images_is_refused_by_name()
    {
        using var directory = new TempDirectory();
        Should.Throw<ImageFileException>(() => new ImageFolderData(directory.Path, Patches())).Message.ShouldContain(directory.Path);
        Should.Throw<ImageFileException>(() => new ImageFolderData(directory.File("missing"), Patches())).Message.ShouldContain("no such folder");
    }

    [Fact]
    public void The_same_plan_gives_the_same_batches_whatever_the_threads_and_another_epoch_other_crops()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 10, 24, 20);
        var augmented = Patches() with { FlipHorizontal = true, FlipVertical = true, Downscale = new DownscaleRange(0.5, 1) };
        var one = new ImageFolderData(directory.Path, augmented with { DecodeThreads = 1, PrefetchBatches = 1 });
        var many = new ImageFolderData(directory.Path, augmented with { DecodeThreads = 3, PrefetchBatches = 4 });
        var plan = new EpochPlan(Seed: 7, Epoch: 2, BatchSize: 3, Shuffle: true);

        var first = ReadEpoch(one, plan);
        var second = ReadEpoch(many, plan);
        var resumed = ReadEpoch(many, plan with { FirstStep = 2 });
        var nextEpoch = ReadEpoch(many, plan with { Epoch = 3 });

        first.Select(b => b.shape[0]).ShouldBe([3L, 3, 3, 1]);
        for (int i = 0; i < first.Length; i++)
            Same(first[i], second[i]).ShouldBeTrue($"batch {i}");
        resumed.Length.ShouldBe(2);
        Same(resumed[0], first[2]).ShouldBeTrue("a resumed epoch starts with the batch the whole one had there");
        Same(nextEpoch[0], first[0]).ShouldBeFalse("each epoch draws its own order and crops");
    }

    [Fact]
    public void A_random_patch_is_a_window_of_the_image_and_a_centre_patch_its_centre()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 1, 21, 17);
        using var image = ImageFile.Load(Directory.GetFiles(directory.Path).Single(), new ImageLayout(3, 17, 21), resize: false);
        var windows = image.unfold(1, 8, 1).unfold(2, 8, 1).permute(1, 2, 0, 3, 4).reshape(-1, 3, 8, 8); // every 8×8 window

        var random = new ImageFolderData(directory.Path, Patches());
        for (int epoch = 1; epoch <= 5; epoch++)
        {
            var patch = ReadEpoch(random, new EpochPlan(3, epoch, 1, Shuffle: true)).Single()[0];
            windows.sub(patch).abs().amax([1, 2, 3]).min().item<float>().ShouldBe(0f, $"epoch {epoch}'s patch is no window of the image");
        }

        var centre = new ImageFolderData(directory.Path, Patches() with { Crop = ImageCrop.Centre });
        var middle = ReadEpoch(centre, EpochPlan.Evaluation(4)).Single()[0];
        Same(middle, image[.., 4..12, 6..14]).ShouldBeTrue();
    }

    [Fact]
    public void Whole_images_come_one_per_batch_at_their_own_size()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 1, 12, 9, prefix: "a");
        ImageFolders.Write(directory.Path, 1, 7, 11, prefix: "b");
        var data = new ImageFolderData(directory.Path, Patches() with { Crop = ImageCrop.Whole });

        data.SampleShape.ShouldBe([3L, -1, -1]);
        ReadEpoch(data, EpochPlan.Evaluation(8)).Select(b => b.shape).ShouldBe([new long[] { 1, 3, 9, 12 }, [1, 3, 11, 7]]);
    }

    [Fact]
    public void Colour_files_become_grey_only_when_asked()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 2, 10, 10, channels: 3);
        var file = Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).First();

        var error = Should.Throw<ImageFileException>(() => ReadEpoch(new ImageFolderData(directory.Path, Patches(channels: 1)), EpochPlan.Evaluation(2)));
        error.Path.ShouldBe(file);
        error.Message.ShouldContain("ConvertColour");

        var converted = ReadEpoch(new ImageFolderData(directory.Path, Patches(channels: 1) with { ConvertColour = true }), EpochPlan.Evaluation(2));
        converted.Single().shape.ShouldBe([2L, 1, 8, 8]);
    }

    [Fact]
    public void Grey_files_become_colour_only_when_asked()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 1, 10, 10, channels: 1);

        Should.Throw<ImageFileException>(() => ReadEpoch(new ImageFolderData(directory.Path, Patches(channels: 3)), EpochPlan.Evaluation(1)))
            .Message.ShouldContain("grayscale");
        var converted = ReadEpoch(new ImageFolderData(directory.Path, Patches(channels: 3) with { ConvertColour = true }), EpochPlan.Evaluation(1)).Single();
        Same(converted[0, 0], converted[0, 2]).ShouldBeTrue("the grey repeated in R, G and B");
    }

    [Fact]
    public void An_image_smaller_than_the_patch_is_named_with_both_sizes_or_skipped()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 2, 12, 12, prefix: "big");
        ImageFolders.Write(directory.Path, 1, 6, 12, prefix: "small");
        var small = directory.File("small000.png");

        var error = Should.Throw<ImageFileException>(() => ReadEpoch(new ImageFolderData(directory.Path, Patches()), EpochPlan.Evaluation(3)));
        error.Path.ShouldBe(small);
        error.Message.ShouldContain("6×12");
        error.Message.ShouldContain("8×8");

        var skipping = new ImageFolderData(directory.Path, Patches() with { BadImages = BadImagePolicy.Skip });
        using var batches = skipping.OpenEpoch(EpochPlan.Evaluation(3));
        var batch = batches.Next()!;
        batch.Samples.ShouldBe(2);
        batch.Skipped.ShouldBe(1);
        skipping.SkippedFiles.Single().Path.ShouldBe(small);
    }

    [Fact]
    public void A_file_deleted_after_indexing_stops_reading_with_its_name_instead_of_hanging()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 6, 10, 10);
        var data = new ImageFolderData(directory.Path, Patches());
        File.Delete(data.Files[4]);

        using var batches = data.OpenEpoch(EpochPlan.Evaluation(2));
        batches.Next()!.Samples.ShouldBe(2);
        batches.Next()!.Samples.ShouldBe(2);
        var error = Should.Throw<ImageFileException>(() => batches.Next());
        error.Path.ShouldBe(data.Files[4]);
        error.Message.ShouldContain("cannot be read");
    }

    [Fact]
    public void Several_patches_a_file_make_an_epoch_of_that_many_passes_each_patch_cut_afresh()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 3, 21, 17);
        var files = Directory.GetFiles(directory.Path).Order(StringComparer.Ordinal).ToArray();
        var windows = files.Select(f =>
        {
            using var image = ImageFile.Load(f, new ImageLayout(3, 17, 21), resize: false);
            return image.unfold(1, 8, 1).unfold(2, 8, 1).permute(1, 2, 0, 3, 4).reshape(-1, 3, 8, 8);
        }).ToArray();
        var one = new ImageFolderData(directory.Path, Patches());
        var four = new ImageFolderData(directory.Path, Patches() with { PatchesPerImage = 4 });

        four.Count.ShouldBe(12);
        four.Identity.ShouldNotBe(one.Identity);
        var batches = ReadEpoch(four, new EpochPlan(Seed: 5, Epoch: 1, BatchSize: 5, Shuffle: true));
        batches.Select(b => b.shape[0]).ShouldBe([5L, 5, 2]);
        var patches = batches.SelectMany(b => Enumerable.Range(0, (int)b.shape[0]).Select(i => b[i])).ToArray();
        var owner = patches.Select(p => Array.FindIndex(windows, w => w.sub(p).abs().amax([1, 2, 3]).min().item<float>() == 0f)).ToArray();
        owner.ShouldNotContain(-1, "every patch is a window of one of the files");
        owner.GroupBy(o => o).Select(g => g.Count()).ShouldBe([4, 4, 4], ignoreOrder: true);
        for (int file = 0; file < files.Length; file++)
        {
            var own = patches.Where((_, i) => owner[i] == file).ToArray();
            own.Skip(1).Any(p => !Same(p, own[0])).ShouldBeTrue($"file {file}'s four patches are cut at places of their own");
        }
    }

    [Fact]
    public void Invalid_options_are_refused_before_any_file_is_read()
    {
        using var directory = new TempDirectory();
        ImageFolders.Write(directory.Path, 1, 10, 10);
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageFolderData(directory.Path, Patches(channels: 2)));
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageFolderData(directory.Path, Patches() with { Downscale = new DownscaleRange(0.8, 0.5) }));
        Should.Throw<ArgumentException>(() => new ImageFolderData(directory.Path, Patches() with { Crop = ImageCrop.Centre, FlipHorizontal = true }));
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageFolderData(directory.Path, Patches() with { PatchesPerImage = 0 }));
        Should.Throw<ArgumentException>(() => new ImageFolderData(directory.Path, Patches() with { Crop = ImageCrop.Centre, PatchesPerImage = 2 }))
            .Message.ShouldContain("PatchesPerImage");
    }
}
