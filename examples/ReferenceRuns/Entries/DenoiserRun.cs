using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Metrics;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Torch;
using static TorchSharp.torch;

namespace ReferenceRuns.Entries;

/// <summary>
/// One denoiser of the <see cref="Bsd68Entry"/> (a σ) or of the <see cref="ColourDenoiseEntry"/>: trains it up to each
/// milestone in turn (every segment resumes from the run's checkpoints) and scores it on the test set after each. The scores
/// go to <c>progress-tag.csv</c> as they are measured, so a run stopped part way skips the milestones it has already scored
/// when started again.
/// </summary>
/// <param name="tag">Names the run's files: <c>checkpoints-tag</c>, <c>progress-tag.csv</c>.</param>
/// <param name="testName">The test set scored after each milestone, as the log and the table name it.</param>
internal sealed class DenoiserRun(ReferenceContext context, int sigma, string tag, string trainFolder, long[] milestones, string testName, LoadedImageList testSet)
{
    /// <summary>Seeds the test noise: image i of a test set gets the generator seeded NoiseSeed + i.</summary>
    public const ulong NoiseSeed = 2017;
    private readonly List<Milestone> _scores = [];
    private IDenoisingAutoencoder? _model;
    private nn.Module? _module;
    private TimeSpan _wallTime;

    private sealed record Milestone(long Steps, double TrainingMinutes, double NoisyPsnr, double TestPsnr);

    private string ProgressFile => Path.Combine(context.OutputDirectory, $"progress-{tag}.csv");

    /// <summary>Where the run's checkpoints go.</summary>
    public string CheckpointDirectory => Path.Combine(context.OutputDirectory, $"checkpoints-{tag}");

    /// <summary>
    /// Trains to each milestone with trainers from <paramref name="create"/> (given the step limit), scoring each. A run with
    /// <paramref name="startFrom"/> (a weights file of the same layers) starts from those weights instead of fresh ones.
    /// </summary>
    public void Train<TModel>(Func<long, ITrainer<TModel>> create, string? startFrom = null) where TModel : nn.Module, IAutoencoder<TModel>, IDenoisingAutoencoder
    {
        var clock = Stopwatch.StartNew();
        var weightsFile = WeightsFile<TModel>();
        if (Reuse(create, weightsFile))
        {
            _wallTime = clock.Elapsed;
            return;
        }

        LoadProgress(CheckpointDirectory);
        for (var i = 0; i < milestones.Length; i++)
        {
            var steps = milestones[i];
            bool last = i == milestones.Length - 1;
            if (!last && _scores.Any(s => s.Steps == steps))
                continue;

            var trainer = create(steps);
            if (startFrom is not null && !(Directory.Exists(CheckpointDirectory) && Directory.EnumerateFiles(CheckpointDirectory).Any()))
                Weights.Load(trainer.Model, startFrom);
            var data = ReferenceContext.Cached(trainer.ImageFolder(trainFolder), typeof(TModel).Name);
            var report = trainer.Fit(data);
            // Training time so far: every epoch of the run, the ones before each resume included (the checkpoints record
            // their durations); only the part of an epoch lost to a kill is missing.
            var minutes = report.Epochs.Sum(e => e.Duration.TotalMinutes);
            (_module as IDisposable)?.Dispose();
            _module = trainer.Model;
            _model = trainer.Model;
            var (noisy, restored) = Score(testSet);
            var score = new Milestone(steps, minutes, noisy, restored);
            _scores.RemoveAll(s => s.Steps == steps);
            _scores.Add(score);
            SaveProgress();
            context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{tag}: {steps} steps ({minutes:F1} min of training): {testName} {noisy:F2} dB noisy -> {restored:F2} dB"));
        }

        Weights.Save(Model, weightsFile);
        _wallTime = clock.Elapsed;
    }

    /// <summary>Where <see cref="Train"/> writes the trained model's weights: <c>&lt;model class&gt;.weights</c> in the entry's folder.</summary>
    public string WeightsFile<TModel>() => Path.Combine(context.OutputDirectory, typeof(TModel).Name + ".weights");

    // A model trained before to the last milestone (--trained: its weights and progress file) is loaded and scored again
    // instead of trained; the recorded scores stand for the milestones before, and the measured one for the last.
    private bool Reuse<TModel>(Func<long, ITrainer<TModel>> create, string weightsFile) where TModel : nn.Module, IAutoencoder<TModel>, IDenoisingAutoencoder
    {
        if (context.TrainedDirectory is not { } trained)
            return false;
        var weights = Path.Combine(trained, Path.GetFileName(weightsFile));
        var progress = Path.Combine(trained, Path.GetFileName(ProgressFile));
        if (!File.Exists(weights) || !File.Exists(progress))
            return false;
        var recorded = ReadProgress(progress);
        if (recorded.FirstOrDefault(s => s.Steps == milestones[^1]) is not { } final)
            return false;

        var trainer = create(milestones[^1]);
        Weights.Load(trainer.Model, weights);
        _module = trainer.Model;
        _model = trainer.Model;
        var (noisy, restored) = Score(testSet);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{tag}: trained before ({weights}, {final.Steps} steps, {final.TrainingMinutes:F1} min): {testName} {noisy:F2} dB noisy -> {restored:F2} dB (recorded {final.TestPsnr:F2} dB)"));
        _scores.Clear();
        _scores.AddRange(recorded.Where(s => s.Steps != final.Steps));
        _scores.Add(final with { NoisyPsnr = noisy, TestPsnr = restored });
        Directory.CreateDirectory(context.OutputDirectory);
        SaveProgress();
        File.Copy(weights, weightsFile, overwrite: true);
        return true;
    }

    /// <summary>The trained model (after <see cref="Train"/>).</summary>
    public nn.Module Model => _module ?? throw new InvalidOperationException("Nothing trained yet.");

    /// <summary>The test set's score after each milestone but the last, as rows of the table.</summary>
    public IEnumerable<ReferenceResult> MilestoneRows(string entry, string model, string settings)
    {
        var final = milestones[^1];
        foreach (var score in _scores.OrderBy(s => s.Steps).Where(s => s.Steps != final))
        {
            yield return new ReferenceResult(entry, model, string.Create(CultureInfo.InvariantCulture,
                    $"{testName} mean PSNR (dB) after {score.Steps:N0} steps, {score.TrainingMinutes:F1} min of training"),
                score.TestPsnr, null, null, TimeSpan.FromMinutes(score.TrainingMinutes), settings);
        }
    }

    /// <summary>The last milestone's score: steps, training minutes, noisy and restored PSNR.</summary>
    public (long Steps, double Minutes, double NoisyPsnr, double Psnr) Final
    {
        get
        {
            var final = _scores.Single(s => s.Steps == milestones[^1]);
            return (final.Steps, final.TrainingMinutes, final.NoisyPsnr, final.TestPsnr);
        }
    }

    /// <summary>The whole run's wall time, scoring included.</summary>
    public TimeSpan WallTime => _wallTime;

    /// <summary>The table's rows: BSD68 after each milestone, then BSD68 and Set12 of the trained model.</summary>
    public IEnumerable<ReferenceResult> Rows(string entry, string settings, LoadedImageList set12, (double Bm3d, double DnCnn) bsd68Published, (double Bm3d, double DnCnn) set12Published)
    {
        var final = _scores.Single(s => s.Steps == milestones[^1]);
        var model = string.Create(CultureInfo.InvariantCulture, $"DnCNN-S σ = {sigma}, {final.Steps:N0} steps ({final.TrainingMinutes:F0} min)");
        foreach (var row in MilestoneRows(entry, model, settings))
            yield return row;

        yield return new ReferenceResult(entry, model, string.Create(CultureInfo.InvariantCulture,
                $"BSD68 mean PSNR (dB), σ = {sigma}: noisy {final.NoisyPsnr:F2}; BM3D {bsd68Published.Bm3d:F2}"),
            final.TestPsnr, bsd68Published.DnCnn, "DnCNN-S, Zhang et al. 2017, Table 2", _wallTime, settings);
        var (noisy, restored) = Score(set12);
        context.Log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{tag}: Set12 {noisy:F2} dB noisy -> {restored:F2} dB"));
        yield return new ReferenceResult(entry, model, string.Create(CultureInfo.InvariantCulture,
                $"Set12 mean PSNR (dB), σ = {sigma}: noisy {noisy:F2}; BM3D {set12Published.Bm3d:F2}"),
            restored, set12Published.DnCnn, "DnCNN-S, Zhang et al. 2017, Table 3", _wallTime, settings);
    }

    // Mean PSNR of the noisy and of the restored images against the clean ones, the restored rounded to 8 bits as a
    // saved image would be. Image i's noise is drawn from its own generator seeded NoiseSeed + i: the same every run.
    public (double Noisy, double Restored) Score(LoadedImageList images)
    {
        var model = _model ?? throw new InvalidOperationException("Nothing trained yet.");
        var module = _module!;
        module.eval();
        double noisySum = 0, restoredSum = 0;
        using (no_grad())
        {
            var device = module.parameters().First().device;
            for (var i = 0; i < images.Images.Count; i++)
            {
                using var scope = NewDisposeScope();
                var clean = images.Images[i].unsqueeze(0).to(device);
                using var generator = new Generator(NoiseSeed + (ulong)i, device);
                var noisy = model.Corrupt(clean, generator);
                var restored = model.Denoise(noisy).clamp(HeldScalars.Zero, HeldScalars.One).mul(HeldScalars.Of(255.0)).round().div(HeldScalars.Of(255.0));
                noisySum += ReconstructionMetrics.PsnrPerImage(clean, noisy)[0];
                restoredSum += ReconstructionMetrics.PsnrPerImage(clean, restored)[0];
            }
        }

        return (noisySum / images.Images.Count, restoredSum / images.Images.Count);
    }

    private void LoadProgress(string checkpoints)
    {
        // Scores belong to the checkpoints they were measured from: a run started afresh scores afresh.
        if (!Directory.Exists(checkpoints) || Directory.GetFiles(checkpoints).Length == 0)
        {
            File.Delete(ProgressFile);
            return;
        }

        if (File.Exists(ProgressFile))
            _scores.AddRange(ReadProgress(ProgressFile));
    }

    private static List<Milestone> ReadProgress(string file) =>
        File.ReadLines(file).Skip(1).Select(line => line.Split(',')).Select(f => new Milestone(
            long.Parse(f[0], CultureInfo.InvariantCulture), double.Parse(f[1], CultureInfo.InvariantCulture),
            double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture))).ToList();

    private void SaveProgress()
    {
        var lines = new[] { "steps,training_minutes,noisy_psnr,psnr" }.Concat(_scores.OrderBy(s => s.Steps).Select(s =>
            string.Create(CultureInfo.InvariantCulture, $"{s.Steps},{s.TrainingMinutes:F2},{s.NoisyPsnr:F4},{s.TestPsnr:F4}")));
        File.WriteAllLines(ProgressFile, lines);
    }
}
