using System;
using System.IO;
using System.Linq;
using Autoencoder.Testing;
using Shouldly;
using Xunit;

namespace Autoencoder.Cli.Tests;

/// <summary>The MNIST IDX subset of <see cref="MnistFixture"/>, two `compress` models trained briefly with different seeds, and a `denoise` model.</summary>
public sealed class CodecFixture : IDisposable
{
    public CodecFixture()
    {
        Mnist = new MnistFixture();
        Model = Path.Combine(Mnist.Root, "compress.aem");
        CliResult.Run("train", "compress", "--data", Mnist.Data, "--epochs", "2", "--batch-size", "32", "--out", Model).ExitCode.ShouldBe(0);
        DenoiseModel = Path.Combine(Mnist.Root, "denoise.aem");
        CliResult.Run("train", "denoise", "--data", Mnist.Data, "--epochs", "1", "--batch-size", "32", "--out", DenoiseModel).ExitCode.ShouldBe(0);
        OtherModel = Path.Combine(Mnist.Root, "compress-other.aem");
        CliResult.Run("train", "compress", "--data", Mnist.Data, "--epochs", "1", "--batch-size", "32", "--seed", "7", "--out", OtherModel).ExitCode.ShouldBe(0);
    }

    public MnistFixture Mnist { get; }

    public string Model { get; }

    public string OtherModel { get; }

    public string DenoiseModel { get; }

    public void Dispose() => Mnist.Dispose();
}

/// <summary>compress, decompress and evaluate on MNIST digits; streams that are damaged or from another model are refused.</summary>
[Trait(TestCategory.Name, TestCategory.Slow)]
public sealed class CompressionCommandTests(CodecFixture codec) : IClassFixture<CodecFixture>
{
    private string Compress(int limit)
    {
        var streams = codec.Mnist.NewDirectory();
        CliResult.Run("compress", codec.Mnist.Data, "-m", codec.Model, "--limit", limit.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", streams)
            .ExitCode.ShouldBe(0);
        return streams;
    }

    [Fact]
    public void Images_go_to_stream_files_and_back_to_pngs()
    {
        var streams = Compress(5);
        var files = Directory.GetFiles(streams, "*.aec").OrderBy(f => f, StringComparer.Ordinal).ToArray();
        files.Length.ShouldBe(5);
        // A 7-byte header and a payload: far below the 784 bytes of the raw digit.
        files.ShouldAllBe(f => new FileInfo(f).Length > 7 && new FileInfo(f).Length < 784);

        var restored = codec.Mnist.NewDirectory();
        CliResult.Run("decompress", streams, "-m", codec.Model, "--out", restored).ExitCode.ShouldBe(0);
        var pngs = Directory.GetFiles(restored, "*.png");
        pngs.Length.ShouldBe(5);
        pngs.ShouldAllBe(p => File.ReadAllBytes(p).Take(4).SequenceEqual(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }));

        // The decoded digits resemble the originals: well below the error of an all-black guess (the mean of x²).
        using var decoded = Autoencoder.Runtime.Imaging.ImageFolder.Load(restored, new Autoencoder.Runtime.Imaging.ImageLayout(1, 28, 28)).Images;
        using var test = Autoencoder.Runtime.Data.MnistDataset.LoadSplit(codec.Mnist.Data, Autoencoder.Runtime.Data.MnistSubset.Test, maxCount: 5);
        var error = (decoded - test.Images).square().mean().item<float>();
        var blackError = test.Images.square().mean().item<float>();
        error.ShouldBeLessThan(0.8f * blackError);   // measured: 0.062 against 0.096
    }

    [Fact]
    public void A_photo_is_compressed_at_the_models_size_only_with_resize()
    {
        var photo = Path.Combine(MnistFixture.RepositoryRoot(), "samples", "photos", "coffee.png");
        var streams = codec.Mnist.NewDirectory();
        var line = CliResult.Run("compress", photo, "-m", codec.Model, "--out", streams).ShouldFailWithOneLine();
        line.ShouldContain("coffee.png: is 600×400 (width×height) but the model takes 28×28");
        line.ShouldContain("--resize");
        Directory.GetFiles(streams).ShouldBeEmpty();

        CliResult.Run("compress", photo, "-m", codec.Model, "--out", streams, "--resize", "--convert-channels").ExitCode.ShouldBe(0);
        var restored = codec.Mnist.NewDirectory();
        CliResult.Run("decompress", streams, "-m", codec.Model, "--out", restored).ExitCode.ShouldBe(0);
        using var decoded = Autoencoder.Runtime.Imaging.ImageFile.LoadNative(Path.Combine(restored, "coffee.png"), channels: 1);
        decoded.shape.ShouldBe(new long[] { 1, 28, 28 });
    }

    [Fact]
    public void Evaluate_prints_the_learned_codecs_rate_and_writes_the_table()
    {
        var output = codec.Mnist.NewDirectory();
        var result = CliResult.Run("evaluate", "-d", codec.Mnist.Data, "-m", codec.Model, "--limit", "20", "--learned-only", "--out", output);
        result.ExitCode.ShouldBe(0);
        // The learned codec's row: | name λ=0.01 | bytes | bits | bits/pixel | PSNR | SSIM |
        var row = result.Out.Split('\n').Single(line => line.Contains("λ=0.01", StringComparison.Ordinal) && line.StartsWith('|'));
        var cells = row.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        double.Parse(cells[3], System.Globalization.CultureInfo.InvariantCulture).ShouldBeLessThan(8.0);      // fewer bits than raw 8-bit pixels
        double.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThan(11.0);  // an all-black guess scores about 10 dB; measured 12.1
        File.Exists(Path.Combine(output, "rate-distortion.md")).ShouldBeTrue();
        File.Exists(Path.Combine(output, "rate-distortion-psnr.png")).ShouldBeTrue();
    }

    [Fact]
    public void A_truncated_stream_is_refused_with_its_file_and_nothing_is_written()
    {
        var streams = Compress(3);
        var victim = Directory.GetFiles(streams, "*.aec").OrderBy(f => f, StringComparer.Ordinal).Last();
        var bytes = File.ReadAllBytes(victim);
        File.WriteAllBytes(victim, bytes[..^2]);

        var restored = codec.Mnist.NewDirectory();
        var line = CliResult.Run("decompress", streams, "-m", codec.Model, "--out", restored).ShouldFailWithOneLine();
        line.ShouldContain(Path.GetFileName(victim));
        Directory.GetFiles(restored).ShouldBeEmpty();
    }

    [Fact]
    public void A_stream_of_another_model_is_refused()
    {
        var streams = Compress(2);
        var restored = codec.Mnist.NewDirectory();
        var line = CliResult.Run("decompress", streams, "-m", codec.OtherModel, "--out", restored).ShouldFailWithOneLine();
        line.ShouldContain("another model");
        Directory.GetFiles(restored).ShouldBeEmpty();
    }

    [Fact]
    public void Garbage_named_aec_is_not_a_stream()
    {
        var streams = codec.Mnist.NewDirectory();
        File.WriteAllText(Path.Combine(streams, "00000.aec"), "hello, world");
        var line = CliResult.Run("decompress", streams, "-m", codec.Model, "--out", codec.Mnist.NewDirectory()).ShouldFailWithOneLine();
        line.ShouldContain("00000.aec");
        line.ShouldContain("not a learned-codec stream");
    }

    [Fact]
    public void Restored_images_never_replace_the_inputs_or_each_other()
    {
        var folder = codec.Mnist.NewDirectory();
        using (var digit = TorchSharp.torch.rand(1, 28, 28))
        {
            Autoencoder.Runtime.Imaging.ImageFile.SavePng(digit, Path.Combine(folder, "a.png"));
            Autoencoder.Runtime.Imaging.ImageFile.SavePng(digit, Path.Combine(folder, "b.png"));
        }

        var before = Directory.GetFiles(folder).ToDictionary(f => f, File.ReadAllBytes);
        CliResult.Run("denoise", folder, "-m", codec.DenoiseModel, "--out", folder).ShouldFailWithOneLine().ShouldContain("is one of the input images");
        foreach (var (file, bytes) in before)
            File.ReadAllBytes(file).ShouldBe(bytes);

        // b.png and b.PNG would both become b.png.
        File.Copy(Path.Combine(folder, "a.png"), Path.Combine(folder, "b.PNG"));
        var output = codec.Mnist.NewDirectory();
        CliResult.Run("denoise", folder, "-m", codec.DenoiseModel, "--out", output).ShouldFailWithOneLine().ShouldContain("would both be written");
        Directory.GetFiles(output).ShouldBeEmpty();
    }

    [Fact]
    public void A_region_past_the_edge_is_refused_even_near_int_max()
    {
        var line = CliResult.Run("inpaint", codec.Mnist.Data, "-m", codec.DenoiseModel, "--limit", "3", "--region", "2147483647,0,1,1",
            "--out", codec.Mnist.NewDirectory()).ShouldFailWithOneLine();
        line.ShouldContain("does not fit");
    }
}
