using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Compression.RateDistortion;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// Learned compression on MNIST, measured like CompressAI: five codecs (one per λ) are trained, every test image is
/// compressed to a real stream and decompressed, and the mean stream size is set against the PSNR and SSIM of the
/// decoded images — beside JPEG and WebP at a spread of qualities and lossless PNG, whose rates are their real file sizes.
/// The figures are the bits each classic codec needs at the PSNR of each learned codec.
/// </summary>
internal sealed class CompressionEntry : IReferenceEntry
{
    private const int DocumentedEpochs = 6;
    private const string Family = "learned";

    public string Name => "compression";

    public string Settings => SettingsFor(DocumentedEpochs);

    private static string SettingsFor(int epochs) => "conv codec 28→14→[16, 7, 7]→14→28 (linear output), factorised entropy model, MSE distortion, λ ∈ {0.001, 0.003, 0.01, 0.03, 0.1}; "
                              + epochs + " epochs each, batch 64, Adam 1e-3, seed 42; all 10,000 test images; "
                              + "JPEG and WebP (SkiaSharp) at qualities " + string.Join(",", BaselineCodecs.StandardQualities) + ", PNG";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var clock = Stopwatch.StartNew();
        var epochs = context.Epochs(DocumentedEpochs);
        var train = context.Mnist.Train.Images;
        var test = context.Mnist.Test.Images;

        // Each codec is trained by its own generated trainer (the option types are distinct generated classes), then frozen
        // into a LearnedCodec with the trained weights.
        CheckpointOptions Checkpoints(string lambda) => new() { Directory = Path.Combine(context.OutputDirectory, "checkpoints-" + lambda) };
        ConsoleProgress Progress() => new(context.Log, interactive: false);
        var codecs = new List<LearnedCodec>();
        {
            var t = Codec0001.Trainer.Create(new() { Epochs = epochs, Threads = context.Threads, Observer = Progress(), Checkpoints = Checkpoints("0.001") });
            t.Fit(train, test);
            codecs.Add(Freeze(context, t.Model, t.Model.CreateCodec()));
        }
        {
            var t = Codec0003.Trainer.Create(new() { Epochs = epochs, Threads = context.Threads, Observer = Progress(), Checkpoints = Checkpoints("0.003") });
            t.Fit(train, test);
            codecs.Add(Freeze(context, t.Model, t.Model.CreateCodec()));
        }
        {
            var t = Codec001.Trainer.Create(new() { Epochs = epochs, Threads = context.Threads, Observer = Progress(), Checkpoints = Checkpoints("0.01") });
            t.Fit(train, test);
            codecs.Add(Freeze(context, t.Model, t.Model.CreateCodec()));
        }
        {
            var t = Codec003.Trainer.Create(new() { Epochs = epochs, Threads = context.Threads, Observer = Progress(), Checkpoints = Checkpoints("0.03") });
            t.Fit(train, test);
            codecs.Add(Freeze(context, t.Model, t.Model.CreateCodec()));
        }
        {
            var t = Codec01.Trainer.Create(new() { Epochs = epochs, Threads = context.Threads, Observer = Progress(), Checkpoints = Checkpoints("0.1") });
            t.Fit(train, test);
            codecs.Add(Freeze(context, t.Model, t.Model.CreateCodec()));
        }

        var trainTime = clock.Elapsed;

        var entries = codecs.Select(c => new RateDistortionEntry(Family, c))
            .Concat(BaselineCodecs.Standard(1).Select(RateDistortionEntry.For))
            .ToArray();
        context.Log.WriteLine($"compression: evaluating {entries.Length} codec settings on {test.shape[0]:N0} test images");
        var report = RateDistortionEvaluator.Evaluate(entries, test, new RateDistortionProgressLog(context.Log, "compression: "));
        var files = report.WriteAll(context.OutputDirectory, Family);
        context.Log.WriteLine($"compression: wrote {files.Markdown}, {files.PsnrPlot}");
        context.Log.Write(report.ToMarkdown());
        var comparison = MatchedPsnrComparison.Compare(report, Family);
        foreach (var sentence in comparison.Sentences())
            context.Log.WriteLine("compression: " + sentence);

        var time = clock.Elapsed;
        var settings = SettingsFor(epochs);
        context.Log.WriteLine($"compression: training {trainTime}, total {time}");
        var rows = new List<ReferenceResult>();
        foreach (var point in report.Points.Where(p => p.Family == Family))
        {
            var model = $"learned codec {point.Codec.Split(' ').Last()}";
            rows.Add(new ReferenceResult(Name, model, "test bits per image (real stream size)", point.MeanBits, null, null, time, settings));
            rows.Add(new ReferenceResult(Name, model, "test PSNR (dB)", point.MeanPsnr, null, null, time, settings));
            rows.Add(new ReferenceResult(Name, model, "test SSIM", point.MeanSsim, null, null, time, settings));
        }

        foreach (var row in comparison.Rows)
            foreach (var other in row.Others.Where(o => o.Ratio is not null))
            {
                rows.Add(new ReferenceResult(Name, $"{other.Family} at the PSNR of {row.ReferenceCodec.Split(' ').Last()} ({row.Psnr:F2} dB)",
                    $"{other.Family} bits per image ÷ learned bits per image", other.Ratio!.Value, null, null, time, settings));
            }

        return rows;
    }

    /// <summary>Saves the trained weights beside the results (the codec needs them to decode its streams later).</summary>
    private static LearnedCodec Freeze(ReferenceContext context, TorchSharp.torch.nn.Module model, LearnedCodec codec)
    {
        var lambda = codec.Name.Split('=').Last();
        Weights.Save(model, Path.Combine(context.OutputDirectory, $"codec-lambda-{lambda}.weights"));
        context.Log.WriteLine($"compression: trained {codec.Name}");
        return codec;
    }
}
