using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Autoencoder.Testing;
using Shouldly;
using Xunit;

namespace Autoencoder.Cli.Tests;

/// <summary>
/// The weights that ship with the tool (src/Autoencoder.Cli/Pretrained): listed by <c>models</c>, loaded by naming the
/// model, and good at their job on photographs they never saw (samples/photos), not only loadable.
/// </summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class ShippedWeightsTests : IDisposable
{
    private readonly string _out = Path.Combine(Path.GetTempPath(), "cli-shipped-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_out))
            Directory.Delete(_out, recursive: true);
    }

    [Theory]
    [InlineData("photo-denoise")]
    [InlineData("photo-codec")]
    public void Models_lists_the_models_whose_trained_weights_ship(string model)
    {
        CliResult.Run("models").ShouldSucceed().Out.ShouldContain("trained weights ship with the tool: --model " + model);
    }

    [Fact]
    public void The_shipped_codec_compresses_sample_photos_at_their_own_size_into_streams_it_decodes()
    {
        var photos = SamplePhotos("astronaut.png", "coffee.png");
        var streams = Path.Combine(_out, "streams");
        var decoded = Path.Combine(_out, "decoded");

        CliResult.Run("compress", photos, "--model", "photo-codec", "--out", streams).ShouldSucceed();
        CliResult.Run("decompress", streams, "--model", "photo-codec", "--out", decoded).ShouldSucceed();
        var report = Path.Combine(_out, "rd");
        CliResult.Run("evaluate", "--model", "photo-codec", "--data", photos, "--learned-only", "--out", report).ShouldSucceed();

        var rows = File.ReadAllLines(Path.Combine(report, "per-image.csv")).Skip(1).Select(line => line.Split(',')).ToArray();
        rows.Select(row => row[1]).ShouldBe(["astronaut.png", "coffee.png"]);
        foreach (var row in rows)
        {
            var (bpp, psnr) = (double.Parse(row[5], CultureInfo.InvariantCulture), double.Parse(row[6], CultureInfo.InvariantCulture));
            // On Kodak the shipped codec gives 0.273 bpp at 26.03 dB (docs/reference-runs.md); here 0.35 bpp at 26.5 and 25.8 dB.
            bpp.ShouldBeInRange(0.2, 0.5, row[1]);
            psnr.ShouldBeGreaterThan(24.5, row[1]);
            var stem = Path.GetFileNameWithoutExtension(row[1]);
            long.Parse(row[4], CultureInfo.InvariantCulture).ShouldBe(new FileInfo(Path.Combine(streams, stem + ".aec")).Length, row[1]);
            File.Exists(Path.Combine(decoded, stem + ".png")).ShouldBeTrue(row[1]);
        }
    }

    [Fact]
    public void The_shipped_denoiser_restores_sample_photos_with_its_own_noise_by_far()
    {
        var photos = SamplePhotos("astronaut.png", "coffee.png");

        var output = CliResult.Run("denoise", photos, "--model", "photo-denoise", "--out", Path.Combine(_out, "restored")).ShouldSucceed().Out;

        var match = Regex.Match(output, @"Mean PSNR (\d+\.\d+) dB damaged -> (\d+\.\d+) dB restored");
        match.Success.ShouldBeTrue(output);
        var corrupted = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var restored = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        corrupted.ShouldBeInRange(19.0, 21.5, "σ = 25 of 255 on 8-bit photos");
        restored.ShouldBeGreaterThan(corrupted + 6, output);
    }

    private string SamplePhotos(params string[] names)
    {
        var photos = Path.Combine(_out, "in");
        Directory.CreateDirectory(photos);
        foreach (var name in names)
            File.Copy(Path.Combine(MnistFixture.RepositoryRoot(), "samples", "photos", name), Path.Combine(photos, name));
        return photos;
    }
}
