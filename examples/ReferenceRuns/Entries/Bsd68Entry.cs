using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// Grey-image denoising as DnCNN measures it: a DnCNN-S declared with the DSL (<see cref="DnCnn25"/> and its siblings) is
/// trained on random 40² patches of BSD400 for each σ, and scored on BSD68 and Set12 with seeded Gaussian noise that is not
/// clipped: mean PSNR of the 8-bit output, beside the published BM3D and DnCNN-S figures. Training goes in segments
/// (<see cref="Milestones"/>); after each the model is scored on BSD68, so the table shows how PSNR grows with training
/// time. Each segment resumes from the run's checkpoints, so an interrupted run continues where it stopped.
/// </summary>
internal sealed class Bsd68Entry : IReferenceEntry
{
    // Steps at which the model is scored on BSD68; the last is the documented length of the run. σ = 25 trains longest: it
    // is the figure the goals name.
    private static readonly Dictionary<int, long[]> Milestones = new()
    {
        [25] = [250, 500, 1000, 2000, 3000],
        [15] = [250, 500],
        [50] = [250, 500],
    };

    // DnCNN paper, Table 2 (BSD68) and Table 3 (Set12 average): (BM3D, DnCNN-S) per σ.
    private static readonly Dictionary<int, (double Bm3d, double DnCnn)> PublishedBsd68 = new()
    {
        [15] = (31.07, 31.73), [25] = (28.57, 29.23), [50] = (25.62, 26.23),
    };

    private static readonly Dictionary<int, (double Bm3d, double DnCnn)> PublishedSet12 = new()
    {
        [15] = (32.37, 32.86), [25] = (29.97, 30.44), [50] = (26.72, 27.18),
    };

    public string Name => "bsd68";

    public string Settings => "DnCNN-S (17 conv 3×3, 64 channels, BN + ReLU, predicts the noise), MSE, Adam 1e-3 cosine to 1e-5, batch 80 of 40² "
                              + "BSD400 patches (flips, scale 0.7–1), seed 17; σ = 25: " + Milestones[25][^1] + " steps from scratch, σ = 15 and 50: "
                              + Milestones[15][^1] + " steps fine-tuned from it (Adam 2e-4); test noise seed " + DenoiserRun.NoiseSeed + ", not clipped; PSNR of the 8-bit output";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var datasets = context.RequireDatasets();
        var trainFolder = Path.Combine(datasets, "bsd400");
        using var bsd68 = ImageFolder.LoadNative(Path.Combine(datasets, "bsd68"), channels: 1);
        using var set12 = ImageFolder.LoadNative(Path.Combine(datasets, "set12"), channels: 1);
        var rows = new List<ReferenceResult>();
        // σ = 15 and 50 start from the trained σ = 25 model (its weights file): two CPU cores cannot train all three from scratch.
        string? sigma25 = null;
        foreach (var sigma in new[] { 25, 15, 50 })
        {
            var milestones = Milestones[sigma].Select(m => Math.Max(1, (long)Math.Round(m * context.EpochScale))).Distinct().ToArray();
            // The cosine schedule spans the whole documented run; 5 steps an epoch (400 patches in batches of 80).
            var epochs = (int)((milestones[^1] + StepsPerEpoch - 1) / StepsPerEpoch);
            var run = new DenoiserRun(context, sigma, sigma.ToString(CultureInfo.InvariantCulture), trainFolder, milestones, "BSD68", bsd68);
            var checkpoints = new CheckpointOptions { Directory = run.CheckpointDirectory, EverySteps = 100 };
            ConsoleProgress Progress() => new(context.Log, interactive: false);
            // Each generated trainer has its own options class, so each σ builds its own.
            switch (sigma)
            {
                case 15:
                    run.Train(steps => DnCnn15.Trainer.Create(new() { Epochs = epochs, MaxSteps = steps, LearningRate = FineTuneRate, Threads = context.Threads, Device = context.Device, Precision = context.Precision, Observer = Progress(), Checkpoints = checkpoints }), sigma25);
                    break;
                case 25:
                    run.Train(steps => DnCnn25.Trainer.Create(new() { Epochs = epochs, MaxSteps = steps, Threads = context.Threads, Device = context.Device, Precision = context.Precision, Observer = Progress(), Checkpoints = checkpoints }));
                    sigma25 = run.WeightsFile<DnCnn25>();
                    break;
                default:
                    run.Train(steps => DnCnn50.Trainer.Create(new() { Epochs = epochs, MaxSteps = steps, LearningRate = FineTuneRate, Threads = context.Threads, Device = context.Device, Precision = context.Precision, Observer = Progress(), Checkpoints = checkpoints }), sigma25);
                    break;
            }

            rows.AddRange(run.Rows(Name, Settings + context.PrecisionNote, set12, PublishedBsd68[sigma], PublishedSet12[sigma]));
            run.Model.Dispose();
        }

        return rows;
    }

    private const int StepsPerEpoch = 5;

    // σ = 15 and 50 fine-tune from σ = 25 at a lower rate.
    private const double FineTuneRate = 2e-4;
}
