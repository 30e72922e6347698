using System;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Restoration;
using Shouldly;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Tests;

/// <summary>The runtime classes the commands stand on, which a library user calls the same way.</summary>
public sealed class RuntimeHelperTests
{
    [Fact]
    public void A_model_file_round_trips_weights_and_identity()
    {
        var path = Path.Combine(Path.GetTempPath(), $"model-{Guid.NewGuid():N}.aem");
        try
        {
            manual_seed(3);
            using var saved = nn.Linear(4, 3);
            ModelFile.Save(path, "tiny", "feedbeef", saved);
            ModelFile.ReadHeader(path).ShouldBe(new ModelFileHeader("tiny", "feedbeef", ModelFile.FormatVersion));

            using var loaded = nn.Linear(4, 3);
            ModelFile.Load(path, "tiny", "feedbeef", loaded);
            loaded.weight!.allclose(saved.weight!, rtol: 0, atol: 0).ShouldBeTrue();

            using var other = nn.Linear(4, 3);
            var before = other.weight!.clone();
            Should.Throw<ModelFileException>(() => ModelFile.Load(path, "other", "feedbeef", other)).Message.ShouldContain("holds the model 'tiny'");
            Should.Throw<ModelFileException>(() => ModelFile.Load(path, "tiny", "00000000", other)).Message.ShouldContain("fingerprint feedbeef");
            using var wider = nn.Linear(5, 3);
            Should.Throw<ModelFileException>(() => ModelFile.Load(path, "tiny", "feedbeef", wider)).Message.ShouldContain("does not match");
            other.weight!.allclose(before, rtol: 0, atol: 0).ShouldBeTrue();
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_region_masks_exactly_its_pixels()
    {
        var region = ImageRegion.Parse("1, 2, 3, 4");
        region.ShouldBe(new ImageRegion(1, 2, 3, 4));
        using var images = ones(2, 1, 8, 8);
        using var masked = region.Mask(images);
        masked.sum().item<float>().ShouldBe(2 * (64 - 12));
        masked[0, 0, 2, 1].item<float>().ShouldBe(0);
        masked[0, 0, 5, 3].item<float>().ShouldBe(0);
        masked[0, 0, 6, 3].item<float>().ShouldBe(1);
        images.sum().item<float>().ShouldBe(128);
        ImageRegion.Centre(new ImageLayout(1, 28, 28)).ShouldBe(new ImageRegion(7, 7, 14, 14));
        Should.Throw<FormatException>(() => ImageRegion.Parse("1,2,0,4"));
        Should.Throw<ArgumentOutOfRangeException>(() => new ImageRegion(6, 0, 4, 4).RequireInside(new ImageLayout(1, 8, 8)));
    }

    [Fact]
    public void Restoration_is_measured_against_the_originals()
    {
        using var scope = NewDisposeScope();
        var generator = new Generator().manual_seed(1);
        var clean = rand([4, 1, 16, 16], generator: generator);
        var damaged = new ImageRegion(4, 4, 8, 8).Mask(clean);
        var halfway = (clean + damaged) / 2;
        var report = ImageRestoration.Measure(clean, damaged, halfway);
        report.Images.ShouldBe(4);
        report.RestoredPsnr.ShouldBeGreaterThan(report.CorruptedPsnr + 5);   // halving the error gains 20·log10(2) ≈ 6 dB
        report.RestoredSsim.ShouldBeGreaterThan(report.CorruptedSsim);
    }

    [Fact]
    public void Anomaly_scores_rank_the_worst_reconstruction_first()
    {
        using var scope = NewDisposeScope();
        using var model = nn.Identity();
        var images = zeros(3, 1, 4, 4);
        // The "model" darkens pixels; the brightest image is reconstructed worst.
        images[1].fill_(0.9);
        images[2].fill_(0.5);
        var scores = AnomalyScores.Rank(model, x => x * 0.5, images, ["a.png", "b.png", "c,d.png"]);
        scores.Select(s => s.Index).ShouldBe([1, 2, 0]);
        scores.Select(s => s.Rank).ShouldBe([1, 2, 3]);
        scores[0].Error.ShouldBe(0.45 * 0.45, 1e-6);
        var csv = Path.Combine(Path.GetTempPath(), $"scores-{Guid.NewGuid():N}.csv");
        try
        {
            AnomalyScores.WriteCsv(csv, scores);
            File.ReadAllLines(csv)[2].ShouldEndWith(",\"c,d.png\"");
        }
        finally
        {
            File.Delete(csv);
        }
    }
}
