using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Compression.RateDistortion;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;
using static TorchSharp.torch;

namespace ReferenceRuns.Entries;

/// <summary>
/// Learned image compression measured as CompressAI measures it: a factorised-prior codec with GDN and a scale-hyperprior
/// codec (<see cref="KodakFactorizedQ1"/>, <see cref="KodakHyperpriorQ1"/> and their siblings), each at CompressAI's
/// qualities 1-4, trained on random crops of photos-train and evaluated on the 24 Kodak photos: RGB PSNR (peak 255) of the
/// 8-bit decoded image and bits per pixel from the real stream size over H·W, averaged per image. JPEG and WebP run on the
/// same images at qualities 0-95, and CompressAI's published bmshj2018 points stand beside them; the figures are the bits
/// each needs at the learned codecs' PSNR, read off its own curve. Training resumes from the run's checkpoints.
/// </summary>
internal sealed class KodakEntry : IReferenceEntry
{
    private const int AnchorSteps = 6000;
    private const int FineTuneSteps = 500;
    private const string Factorized = "factorized";
    private const string Hyperprior = "hyperprior";

    // CompressAI's results/image/kodak/compressai-bmshj2018-{factorized,hyperprior}_mse_cuda.json, qualities 1-8: (bpp, RGB PSNR).
    private static readonly (double Bpp, double Psnr)[] PublishedFactorized =
    [
        (0.1226, 26.909), (0.1885, 28.218), (0.2878, 29.617), (0.4404, 31.277), (0.6481, 32.956), (0.9670, 35.381), (1.3512, 37.397), (1.8333, 39.621),
    ];

    private static readonly (double Bpp, double Psnr)[] PublishedHyperprior =
    [
        (0.1313, 27.582), (0.2089, 29.197), (0.3199, 30.972), (0.4784, 32.838), (0.6687, 34.526), (0.9388, 36.743), (1.2592, 38.584), (1.6602, 40.557),
    ];

    public string Name => "kodak";

    public string Settings => SettingsFor(AnchorSteps, FineTuneSteps);

    private static string SettingsFor(long anchor, long fineTune) =>
        "bmshj2018 transforms (N = 128, M = 192, GDN), factorised prior and scale hyperprior at CompressAI's λ 0.0018, 0.0035, 0.0067, 0.0130 "
        + "(RateWeight = 1/(λ·255²)); batches of 7 random 128² crops of photos-train (scale 0.5-1, flips), gradient norm clipped at 1, seed 2018: "
        + "quality 3 from scratch for " + anchor + " steps (Adam 5e-4 cosine to 1e-5), qualities 1, 2 and 4 fine-tuned from it for " + fineTune
        + " steps (Adam 2e-4 cosine to 1e-5); the 24 Kodak photos, PSNR (peak 255) of the 8-bit output, bpp of the real stream; "
        + "JPEG and WebP (SkiaSharp) at qualities " + string.Join(",", BaselineCodecs.StandardQualities);

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var clock = Stopwatch.StartNew();
        var datasets = context.RequireDatasets();
        var photos = Path.Combine(datasets, "photos-train");
        var kodak = ImageFolder.Files(Path.Combine(datasets, "kodak"));
        var anchor = Math.Max(1, (long)Math.Round(AnchorSteps * context.EpochScale));
        var tune = Math.Max(1, (long)Math.Round(FineTuneSteps * context.EpochScale));
        // The cosine schedule spans each run: 7 steps an epoch (49 photos, 7 a batch).
        static int Epochs(long steps) => (int)((steps + 6) / 7);
        string CheckpointFolder(string model) => Path.Combine(context.OutputDirectory, "checkpoints-" + model);
        CheckpointOptions Checkpoints(string model) => new() { Directory = CheckpointFolder(model), EverySteps = 100 };
        string WeightsFile(string model) => Path.Combine(context.OutputDirectory, model + ".weights");
        ConsoleProgress Progress() => new(context.Log, interactive: false);

        var trained = new List<(string Family, ModelCodec Codec, string Steps, TimeSpan Time)>();
        var times = new Dictionary<string, TimeSpan>();
        // Trains one codec (resuming from its checkpoints). A fine-tuned one starts from the weights of the model named in
        // 'from' when its own run has no checkpoint yet: a rate-distortion trade-off is a small step from another one, and
        // two CPU cores cannot afford to train every λ from scratch.
        void Add<TModel>(string family, string run, ITrainer<TModel> trainer, long steps, string? from = null, string? cliModel = null)
            where TModel : nn.Module, IAutoencoder<TModel>, ICompressionAutoencoder
        {
            var name = typeof(TModel).Name;
            if (from is not null && !(Directory.Exists(CheckpointFolder(run)) && Directory.EnumerateFiles(CheckpointFolder(run)).Any()))
                Weights.Load(trainer.Model, WeightsFile(from));
            var data = ReferenceContext.Cached(trainer.ImageFolder(photos), name);
            var report = trainer.Fit(data);
            var time = TimeSpan.FromTicks(report.Epochs.Sum(e => e.Duration.Ticks)) + (from is null ? TimeSpan.Zero : times[from]);
            times[name] = time;
            Weights.Save(trainer.Model, WeightsFile(name));
            // The command-line tool's model of the same layers (so the same fingerprint) ships these weights, stored as
            // float16 to halve the file; the model is measured as loaded from that file, so the table is the shipped codec's.
            if (cliModel is not null)
            {
                var shipped = Path.Combine(context.OutputDirectory, cliModel + ".aem");
                ModelFile.Save(shipped, cliModel, TModel.Fingerprint, trainer.Model, WeightStorage.Float16);
                ModelFile.Load(shipped, cliModel, TModel.Fingerprint, trainer.Model);
            }
            var codec = trainer.Model.CreateCodec();
            var described = from is null ? steps + " steps" : string.Create(CultureInfo.InvariantCulture, $"{anchor} + {steps} steps");
            context.Log.WriteLine($"kodak: trained {codec.Name} ({described})");
            trained.Add((family, codec, described, time));
        }

        const double FineTune = 2e-4;
        // The hyperprior's anchor first: it is the model the tool ships (photo-codec.aem is written as soon as it is trained).
        Add(Hyperprior, "hyperprior-q3", KodakHyperpriorQ3.Trainer.Create(new() { Epochs = Epochs(anchor), MaxSteps = anchor, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("hyperprior-q3") }), anchor, cliModel: "photo-codec");
        Add(Factorized, "factorized-q3", KodakFactorizedQ3.Trainer.Create(new() { Epochs = Epochs(anchor), MaxSteps = anchor, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("factorized-q3") }), anchor);
        Add(Hyperprior, "hyperprior-q1", KodakHyperpriorQ1.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("hyperprior-q1") }), tune, from: nameof(KodakHyperpriorQ3));
        Add(Hyperprior, "hyperprior-q2", KodakHyperpriorQ2.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("hyperprior-q2") }), tune, from: nameof(KodakHyperpriorQ3));
        Add(Hyperprior, "hyperprior-q4", KodakHyperpriorQ4.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("hyperprior-q4") }), tune, from: nameof(KodakHyperpriorQ3));
        Add(Factorized, "factorized-q1", KodakFactorizedQ1.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("factorized-q1") }), tune, from: nameof(KodakFactorizedQ3));
        Add(Factorized, "factorized-q2", KodakFactorizedQ2.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("factorized-q2") }), tune, from: nameof(KodakFactorizedQ3));
        Add(Factorized, "factorized-q4", KodakFactorizedQ4.Trainer.Create(new() { Epochs = Epochs(tune), MaxSteps = tune, LearningRate = FineTune, Threads = context.Threads, Device = context.Device, Observer = Progress(), Checkpoints = Checkpoints("factorized-q4") }), tune, from: nameof(KodakFactorizedQ3));
        // Tables list each family by λ, largest first (fewest bits), as CompressAI's qualities.
        trained = trained.OrderBy(t => t.Family, StringComparer.Ordinal).ThenBy(t => t.Codec.Name, StringComparer.Ordinal).ToList();

        var entries = trained.Select(t => new RateDistortionEntry(t.Family, t.Codec))
            .Concat(BaselineCodecs.Standard(3).Where(c => c.Family != "PNG").Select(RateDistortionEntry.For))
            .ToArray();
        context.Log.WriteLine($"kodak: evaluating {entries.Length} codec settings on {kodak.Length} photos");
        var measured = PerImageRateDistortion.Evaluate(entries, kodak.Select(Path.GetFileName).ToArray()!, i => ImageFile.LoadNative(kodak[i], 3), 3,
            new RateDistortionProgressLog(context.Log, "kodak: "));
        File.WriteAllText(Path.Combine(context.OutputDirectory, "per-image.csv"), measured.ToCsv());

        // CompressAI's published points join the report as curves of their own (on Kodak's 768×512 pixels), so the plot shows them.
        var published = Published("CompressAI factorized (published)", PublishedFactorized).Concat(Published("CompressAI hyperprior (published)", PublishedHyperprior));
        var report = new RateDistortionReport(measured.Report.Points.Concat(published).ToList(), 3, 0, 0);
        var files = report.WriteAll(context.OutputDirectory, Hyperprior);
        context.Log.WriteLine($"kodak: wrote {files.Markdown}, {files.PsnrPlot}");
        context.Log.Write(report.ToMarkdown());

        var time = clock.Elapsed;
        var settings = SettingsFor(anchor, tune);
        var rows = new List<ReferenceResult>();
        foreach (var (family, codec, steps, trainTime) in trained)
        {
            var point = report.Points.Single(p => p.Codec == codec.Name);
            var model = string.Create(CultureInfo.InvariantCulture, $"{family} {codec.Name.Split(' ').Last()} ({steps}, {trainTime.TotalMinutes:F0} min)");
            rows.Add(new ReferenceResult(Name, model, "Kodak bits per pixel (real streams)", point.BitsPerPixel, null, null, trainTime, settings));
            rows.Add(new ReferenceResult(Name, model, "Kodak RGB PSNR (dB) of the 8-bit output (peak 1 on [0, 1], the same as peak 255 on 0-255)", point.MeanPsnr, null, null, trainTime, settings));
        }

        // Bjøntegaard delta rates over bits per pixel: negative means the second needs fewer bits at equal PSNR.
        (double, double)[] Curve(string family) => report.Points.Where(p => p.Family == family).Select(p => (p.BitsPerPixel, p.MeanPsnr)).ToArray();
        foreach (var (anchorFamily, tested) in new[]
                 {
                     ("JPEG", Factorized), ("WebP", Factorized), ("JPEG", Hyperprior), ("WebP", Hyperprior), (Factorized, Hyperprior),
                     ("CompressAI factorized (published)", Factorized), ("CompressAI hyperprior (published)", Hyperprior),
                 })
        {
            if (BjontegaardDelta.Rate(Curve(anchorFamily), Curve(tested)) is not { } delta)
            {
                context.Log.WriteLine($"kodak: BD-rate of {tested} against {anchorFamily}: the curves share no PSNR range");
                continue;
            }

            context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kodak: BD-rate of {tested} against {anchorFamily}: {delta:+0.0;-0.0} %"));
            rows.Add(new ReferenceResult(Name, $"{tested} against {anchorFamily}", "Kodak BD-rate (%), bits per pixel at equal PSNR over the common range", delta, null, null, time, settings));
        }

        foreach (var reference in new[] { Factorized, Hyperprior })
        {
            var comparison = MatchedPsnrComparison.Compare(report, reference, ["JPEG", "WebP", reference == Hyperprior ? Factorized : Hyperprior]);
            foreach (var sentence in comparison.Sentences())
                context.Log.WriteLine("kodak: " + sentence);
            foreach (var row in comparison.Rows)
                foreach (var other in row.Others.Where(o => o.Ratio is not null))
                {
                    rows.Add(new ReferenceResult(Name, string.Create(CultureInfo.InvariantCulture, $"{other.Family} at the PSNR of {reference} {row.ReferenceCodec.Split(' ').Last()} ({row.Psnr:F2} dB)"),
                        $"{other.Family} bits ÷ {reference} bits", other.Ratio!.Value, null, null, time, settings));
                }
        }

        return rows;
    }

    private static IEnumerable<RateDistortionPoint> Published(string family, (double Bpp, double Psnr)[] points)
        => points.Select((p, i) => new RateDistortionPoint(family, string.Create(CultureInfo.InvariantCulture, $"{family} q={i + 1}"), 24,
            p.Bpp * 768 * 512 / 8, p.Bpp, p.Psnr, double.NaN));
}
