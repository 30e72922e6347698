using System;
using System.Globalization;
using System.IO;
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

    [Fact]
    public void Models_lists_the_denoiser_as_shipping_trained_weights()
    {
        CliResult.Run("models").ShouldSucceed().Out.ShouldContain("trained weights ship with the tool: --model photo-denoise");
    }

    [Fact]
    public void The_shipped_denoiser_restores_sample_photos_with_its_own_noise_by_far()
    {
        var photos = Path.Combine(_out, "in");
        Directory.CreateDirectory(photos);
        foreach (var name in new[] { "astronaut.png", "coffee.png" })
            File.Copy(Path.Combine(MnistFixture.RepositoryRoot(), "samples", "photos", name), Path.Combine(photos, name));

        var output = CliResult.Run("denoise", photos, "--model", "photo-denoise", "--out", Path.Combine(_out, "restored")).ShouldSucceed().Out;

        var match = Regex.Match(output, @"Mean PSNR (\d+\.\d+) dB damaged -> (\d+\.\d+) dB restored");
        match.Success.ShouldBeTrue(output);
        var corrupted = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var restored = double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
        corrupted.ShouldBeInRange(19.0, 21.5, "σ = 25 of 255 on 8-bit photos");
        restored.ShouldBeGreaterThan(corrupted + 6, output);
    }
}
