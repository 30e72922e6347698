using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Testing;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Tests;

/// <summary>A photo codec and a photo denoiser, trained for one step each: the commands' behaviour, not their quality, is under test.</summary>
public sealed class PhotoModelsFixture : IDisposable
{
    public PhotoModelsFixture()
    {
        Directory.CreateDirectory(Root);
        var training = PhotoFiles.Write(Path.Combine(Root, "training"), seed: 3, (260, 260), (270, 258));
        Codec = Path.Combine(Root, "photo-codec.aem");
        Denoiser = Path.Combine(Root, "photo-denoise.aem");
        CliResult.Run("train", "photo-codec", "--data", training, "--steps", "1", "--batch-size", "2", "--out", Codec).ShouldSucceed();
        CliResult.Run("train", "photo-denoise", "--data", training, "--steps", "1", "--batch-size", "2", "--out", Denoiser).ShouldSucceed();
    }

    public string Root { get; } = Path.Combine(Path.GetTempPath(), "cli-photos-" + Guid.NewGuid().ToString("N"));

    public string Codec { get; }

    public string Denoiser { get; }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}

/// <summary>Random colour photos of given sizes (width, height), written as PNG files named photo0.png, photo1.png, ...</summary>
internal static class PhotoFiles
{
    public static string Write(string folder, int seed, params (int Width, int Height)[] sizes)
    {
        Directory.CreateDirectory(folder);
        using var generator = new Generator((ulong)seed);
        for (var i = 0; i < sizes.Length; i++)
        {
            using var image = rand(new long[] { 3, sizes[i].Height, sizes[i].Width }, generator: generator);
            ImageFile.SavePng(image, Path.Combine(folder, $"photo{i}.png"));
        }

        return folder;
    }

    /// <summary>The PNG at <paramref name="path"/> as [C, H, W], at its own size.</summary>
    public static Tensor Read(string path, int channels = 3) => ImageFile.LoadNative(path, channels);
}

/// <summary>
/// The commands on photographs with models of free size: each photo keeps its own size and colour through compress and
/// decompress, denoise, inpaint and anomaly; evaluate gives each photo's bits per pixel of its own size; tiles agree with the
/// whole photo; what the model cannot take is a one-line error that writes nothing.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class PhotoCommandTests(PhotoModelsFixture models) : IClassFixture<PhotoModelsFixture>, IDisposable
{
    private readonly string _root = Path.Combine(models.Root, Guid.NewGuid().ToString("N"));

    [Fact]
    public void Compress_and_decompress_keep_each_photos_size_and_colour_and_rate_it_by_its_own_pixels()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 1, (64, 48), (37, 29));
        var streams = Path.Combine(_root, "streams");
        var decoded = Path.Combine(_root, "decoded");

        var compressed = CliResult.Run("compress", photos, "-m", models.Codec, "--out", streams).ShouldSucceed();
        var restored = CliResult.Run("decompress", streams, "-m", models.Codec, "--out", decoded).ShouldSucceed();

        foreach (var (name, width, height) in new[] { ("photo0", 64, 48), ("photo1", 37, 29) })
        {
            var bytes = new FileInfo(Path.Combine(streams, name + ".aec")).Length;
            var bpp = (8.0 * bytes / (width * height)).ToString("F4", CultureInfo.InvariantCulture);
            compressed.Out.ShouldContain($"{name}.png ({width}×{height} RGB) -> {Path.Combine(streams, name + ".aec")}: {bytes} bytes, {bpp} bits per pixel");
            restored.Out.ShouldContain($"({width}×{height} RGB)");
            using var image = PhotoFiles.Read(Path.Combine(decoded, name + ".png"));
            image.shape.ShouldBe([3, height, width]);
        }
    }

    [Fact]
    public void Evaluate_on_photos_of_mixed_sizes_gives_each_photos_bits_over_its_own_pixels()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 2, (64, 48), (40, 56));
        var streams = Path.Combine(_root, "streams");
        var report = Path.Combine(_root, "rd");
        CliResult.Run("compress", photos, "-m", models.Codec, "--out", streams).ShouldSucceed();

        var result = CliResult.Run("evaluate", "-m", models.Codec, "--data", photos, "--learned-only", "--out", report).ShouldSucceed();

        var rows = File.ReadAllLines(Path.Combine(report, "per-image.csv")).Skip(1).Select(line => line.Split(',')).ToArray();
        rows.Length.ShouldBe(2);
        foreach (var row in rows)
        {
            var (width, height, bytes) = (int.Parse(row[2], CultureInfo.InvariantCulture), int.Parse(row[3], CultureInfo.InvariantCulture), long.Parse(row[4], CultureInfo.InvariantCulture));
            bytes.ShouldBe(new FileInfo(Path.Combine(streams, Path.GetFileNameWithoutExtension(row[1]) + ".aec")).Length);
            double.Parse(row[5], CultureInfo.InvariantCulture).ShouldBe(8.0 * bytes / (width * height), 1e-9);
        }

        rows.Select(row => row[2] + "x" + row[3]).ShouldBe(["64x48", "40x56"]);
        result.Out.ShouldContain("2 photos from " + photos + ", each at its own size");
    }

    [Fact]
    public void Denoise_restores_each_photo_at_its_own_size_and_keeps_the_damaged_one_beside_it()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 4, (64, 48), (37, 29));
        var output = Path.Combine(_root, "out");

        var result = CliResult.Run("denoise", photos, "-m", models.Denoiser, "--out", output).ShouldSucceed();

        using (var restored = PhotoFiles.Read(Path.Combine(output, "photo1.png")))
            restored.shape.ShouldBe([3, 29, 37]);
        using (var damaged = PhotoFiles.Read(Path.Combine(output, "photo1.damaged.png")))
            damaged.shape.ShouldBe([3, 29, 37]);
        result.Out.ShouldContain("photo0.png (64×48 RGB) -> ");
        result.Out.ShouldContain("Mean PSNR");
    }

    [Fact]
    public void Tiles_give_the_whole_photos_result_to_within_one_grey_level()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 5, (300, 200));
        var whole = Path.Combine(_root, "whole");
        var tiled = Path.Combine(_root, "tiled");

        CliResult.Run("denoise", photos, "-m", models.Denoiser, "--noise", "none", "--out", whole).ShouldSucceed();
        var result = CliResult.Run("denoise", photos, "-m", models.Denoiser, "--noise", "none", "--tile", "128", "--out", tiled).ShouldSucceed();

        result.Out.ShouldContain("(1 in tiles)");
        using var a = PhotoFiles.Read(Path.Combine(whole, "photo0.png"));
        using var b = PhotoFiles.Read(Path.Combine(tiled, "photo0.png"));
        using var difference = (a - b).abs().max();
        difference.item<float>().ShouldBeLessThanOrEqualTo(1.5f / 255);
    }

    [Fact]
    public void Anomaly_writes_each_photos_error_heat_map_at_its_size_and_ranks_the_photos()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 6, (64, 48), (37, 29));
        var output = Path.Combine(_root, "anomalies");

        CliResult.Run("anomaly", photos, "-m", models.Codec, "--out", output).ShouldSucceed();

        using (var map = PhotoFiles.Read(Path.Combine(output, "heatmaps", "photo1.png")))
            map.shape.ShouldBe([3, 29, 37]);
        File.ReadAllLines(Path.Combine(output, "scores.csv")).Length.ShouldBe(3);
    }

    [Fact]
    public void A_grey_photo_for_a_colour_model_is_a_one_line_error_naming_it_and_the_option_and_writes_nothing()
    {
        var photos = Path.Combine(_root, "in");
        Directory.CreateDirectory(photos);
        using (var grey = full(new long[] { 1, 40, 40 }, 0.5f))
            ImageFile.SavePng(grey, Path.Combine(photos, "grey.png"));
        var output = Path.Combine(_root, "streams");

        var error = CliResult.Run("compress", photos, "-m", models.Codec, "--out", output).ShouldFailWithOneLine();

        error.ShouldContain("grey.png");
        error.ShouldContain("--convert-channels");
        Directory.Exists(output).ShouldBeFalse();
        CliResult.Run("compress", photos, "-m", models.Codec, "--out", output, "--convert-channels").ShouldSucceed();
    }

    [Fact]
    public void Resizing_is_refused_for_a_model_that_takes_any_size()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 7, (40, 40));

        var error = CliResult.Run("denoise", photos, "-m", models.Denoiser, "--resize").ShouldFailWithOneLine();

        error.ShouldContain("--resize");
        error.ShouldContain("any size");
    }

    [Fact]
    public void A_region_outside_a_photo_is_a_one_line_error_naming_the_photo()
    {
        var photos = PhotoFiles.Write(Path.Combine(_root, "in"), seed: 8, (64, 48), (37, 29));

        var error = CliResult.Run("inpaint", photos, "-m", models.Denoiser, "--region", "30,0,30,10", "--out", Path.Combine(_root, "out")).ShouldFailWithOneLine();

        error.ShouldContain("photo1.png");
        Directory.Exists(Path.Combine(_root, "out")).ShouldBeFalse();
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
            Directory.Delete(_root, recursive: true);
    }
}
