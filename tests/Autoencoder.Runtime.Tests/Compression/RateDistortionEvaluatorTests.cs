using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Compression.RateDistortion;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Tests.Shared;
using Shouldly;
using Xunit;
using Xunit.Abstractions;

namespace Autoencoder.Runtime.Tests.Compression;

public sealed class RateDistortionEvaluatorTests(ITestOutputHelper output) : IDisposable
{
    private const int Images = 16;
    private readonly MnistSplit _digits = MnistDataset.LoadSplit(RepoPaths.MnistDirectory, MnistSubset.Test, maxCount: Images);
    private readonly TempDirectory _dir = new();

    public void Dispose()
    {
        _digits.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Png_is_lossless_and_its_rate_is_the_file_size()
    {
        var png = new PngCodec(channels: 1);

        var report = RateDistortionEvaluator.Evaluate([png], _digits.Images);

        var point = report.Points.ShouldHaveSingleItem();
        point.Family.ShouldBe("PNG");
        point.Images.ShouldBe(Images);
        point.MeanPsnr.ShouldBe(RateDistortionEvaluator.LosslessPsnr);
        point.MeanPsnr.ShouldBe(100, tolerance: 1e-9);
        point.IsLossless.ShouldBeTrue();
        point.MeanSsim.ShouldBe(1, tolerance: 1e-12);
        var sizes = Enumerable.Range(0, Images).Select(i => png.Encode(_digits.Images[i]).Length).ToArray();
        point.MeanBytes.ShouldBe(sizes.Average());
        point.MeanBits.ShouldBe(8 * sizes.Average());
        point.BitsPerPixel.ShouldBe(8 * sizes.Average() / (28 * 28), tolerance: 1e-12);
    }

    [Fact]
    public void Jpeg_and_webp_spend_more_bits_for_more_psnr_as_quality_rises()
    {
        int[] qualities = [10, 50, 90];
        var codecs = qualities.Select(q => (IImageCodec)new JpegCodec(q, 1)).Concat(qualities.Select(q => new WebPCodec(q, 1))).ToArray();
        var reports = new List<RateDistortionProgress>();

        var report = RateDistortionEvaluator.Evaluate(codecs, _digits.Images, new SynchronousProgress(reports.Add), batchSize: 5);

        output.WriteLine(report.ToMarkdown());
        report.Families.ShouldBe(["JPEG", "WebP"]);
        foreach (var family in report.Families)
        {
            var points = report.Points.Where(p => p.Family == family).ToArray();
            points.Select(p => p.MeanBytes).ShouldBeInOrder(SortDirection.Ascending, $"{family} bytes");
            points.Select(p => p.MeanPsnr).ShouldBeInOrder(SortDirection.Ascending, $"{family} PSNR");
            points[0].MeanBytes.ShouldBeLessThan(points[^1].MeanBytes);
            points[0].MeanPsnr.ShouldBeLessThan(points[^1].MeanPsnr - 3);
            points.ShouldAllBe(p => p.MeanSsim > 0 && p.MeanSsim < 1 && !p.IsLossless);
        }

        // Four batches of at most 5 images per codec, the last one completing the evaluation.
        reports.Count.ShouldBe(codecs.Length * 4);
        reports[^1].Fraction.ShouldBe(1);
        reports[3].ShouldBe(new RateDistortionProgress("JPEG q=10", 0, 6, Images, Images));
    }

    [Fact]
    public void The_files_are_written_with_the_matched_psnr_table()
    {
        var learnedLike = new RenamedCodec("pseudo q=30", new WebPCodec(30, 1));
        var report = RateDistortionEvaluator.Evaluate(
            [learnedLike, new RenamedCodec("pseudo q=70", new WebPCodec(70, 1)), new JpegCodec(20, 1), new JpegCodec(90, 1), new PngCodec(1)],
            _digits.Images);

        var files = report.WriteAll(Path.Combine(_dir.Path, "rd"), referenceFamily: "pseudo");

        var markdown = File.ReadAllText(files.Markdown);
        output.WriteLine(markdown);
        markdown.ShouldContain("| PNG | ");
        markdown.ShouldContain("(lossless)");
        markdown.ShouldContain("## Bits at matched PSNR (reference: pseudo)");
        markdown.ShouldContain("| PSNR (dB) | pseudo setting | pseudo bits/image | JPEG bits/image (× pseudo) |");
        markdown.ShouldNotContain("PNG bits/image", Case.Sensitive, "a lossless family matches no PSNR");
        var csv = File.ReadAllLines(files.Csv);
        csv[0].ShouldBe("family,codec,images,mean_bytes,mean_bits,bits_per_pixel,psnr_db,ssim");
        csv.Length.ShouldBe(6);
        csv[5].ShouldStartWith("PNG,PNG,16,");
        using var json = JsonDocument.Parse(File.ReadAllText(files.Json));
        json.RootElement.GetProperty("points").GetArrayLength().ShouldBe(5);
        json.RootElement.GetProperty("points")[4].GetProperty("lossless").GetBoolean().ShouldBeTrue();
        json.RootElement.GetProperty("height").GetInt32().ShouldBe(28);
        foreach (var plot in new[] { files.PsnrPlot, files.SsimPlot! })
        {
            var png = File.ReadAllBytes(plot);
            png[..4].ShouldBe(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' });
            png.Length.ShouldBeGreaterThan(10_000, "a drawn plot, not an empty canvas");
        }

        Directory.GetFiles(Path.Combine(_dir.Path, "rd")).Length.ShouldBe(5, "no temporary file is left behind");
    }

    [Fact]
    public void Without_ssim_the_files_say_it_is_missing_and_no_ssim_plot_is_drawn()
    {
        var report = RateDistortionEvaluator.Evaluate([new JpegCodec(50, 1)], _digits.Images, measureSsim: false);

        var files = report.WriteAll(_dir.Path);

        report.Points[0].MeanSsim.ShouldBe(double.NaN);
        files.SsimPlot.ShouldBeNull();
        File.Exists(_dir.File("rate-distortion-ssim.png")).ShouldBeFalse();
        File.ReadAllText(files.Markdown).ShouldContain(" | – |");
        File.ReadAllLines(files.Csv)[1].ShouldEndWith(",");
        using var json = JsonDocument.Parse(File.ReadAllText(files.Json));
        json.RootElement.GetProperty("points")[0].GetProperty("ssim").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public void A_codec_that_decodes_to_another_shape_is_an_error()
    {
        var error = Should.Throw<InvalidOperationException>(() =>
            RateDistortionEvaluator.Evaluate([new RenamedCodec("odd", new PngCodec(3), grayToColour: true)], _digits.Images));

        error.Message.ShouldBe("odd decoded image 0 to [3, 28, 28], not [1, 28, 28].");
    }

    private sealed class SynchronousProgress(Action<RateDistortionProgress> report) : IProgress<RateDistortionProgress>
    {
        public void Report(RateDistortionProgress value) => report(value);
    }

    // Another family's name on a baseline codec, standing in for a learned codec in tests.
    private sealed class RenamedCodec(string name, SkiaImageCodec inner, bool grayToColour = false) : IImageCodec
    {
        public string Name => name;

        public byte[] Encode(TorchSharp.torch.Tensor image) => inner.Encode(grayToColour ? image.expand(3, -1, -1) : image);

        public TorchSharp.torch.Tensor Decode(byte[] data) => inner.Decode(data);
    }
}
