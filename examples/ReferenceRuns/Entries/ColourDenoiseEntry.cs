using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Training;
using ReferenceRuns.Models;

namespace ReferenceRuns.Entries;

/// <summary>
/// The colour DnCNN meant to ship with the command-line tool as <c>photo-denoise</c> (<see cref="ColourDnCnn25"/>): trained on 48² patches
/// of the 49 colour photos of photos-train with Gaussian noise of σ = 25, scored on the 24 Kodak photos with seeded noise
/// (not clipped) as mean RGB PSNR of the 8-bit output after each milestone. Writes <c>photo-denoise.aem</c>, the file the tool would ship
/// (docs/reference-runs.md, colour-denoise).
/// </summary>
internal sealed class ColourDenoiseEntry : IReferenceEntry
{
    private const int Sigma = 25;
    private static readonly long[] Milestones = [250, 500, 1000, 2000];

    // PatchesPerImage 4: an epoch is 196 patches of the 49 photos, 4 steps of 49.
    private const int StepsPerEpoch = 4;

    public string Name => "colour-denoise";

    public string Settings => "colour DnCNN (17 conv 3×3, 64 channels, BN + ReLU, predicts the noise; the middle 15 start as the identity), σ = 25, MSE, "
                              + "Adam 1e-3 cosine to 1e-5, batch 49 of 48² photos-train patches (4 a photo each epoch, flips, scale 0.25–1), seed 7, " + Milestones[^1] + " steps; Kodak, test noise seed " + DenoiserRun.NoiseSeed + ", not clipped";

    public IReadOnlyList<ReferenceResult> Run(ReferenceContext context)
    {
        var datasets = context.RequireDatasets();
        using var kodak = ImageFolder.LoadNative(Path.Combine(datasets, "kodak"), channels: 3);
        var milestones = Array.ConvertAll(Milestones, m => Math.Max(1, (long)Math.Round(m * context.EpochScale)));
        // The cosine schedule spans the run.
        var epochs = (int)((milestones[^1] + StepsPerEpoch - 1) / StepsPerEpoch);
        var run = new DenoiserRun(context, Sigma, "colour-25", Path.Combine(datasets, "photos-train"), milestones, "Kodak", kodak);
        var checkpoints = new CheckpointOptions { Directory = run.CheckpointDirectory, EverySteps = 100 };
        run.Train(steps => ColourDnCnn25.Trainer.Create(new()
        {
            Epochs = epochs, MaxSteps = steps, Threads = context.Threads, Device = context.Device, Precision = context.Precision,
            Observer = new ConsoleProgress(context.Log, interactive: false), Checkpoints = checkpoints,
        }));

        // The command-line tool's photo-denoise has the same layers, so the same fingerprint: this file is what it ships.
        ModelFile.Save(Path.Combine(context.OutputDirectory, "photo-denoise.aem"), "photo-denoise", ColourDnCnn25.Fingerprint, run.Model);
        var (steps, minutes, noisy, psnr) = run.Final;
        var model = string.Create(CultureInfo.InvariantCulture, $"colour DnCNN σ = {Sigma}, {steps:N0} steps ({minutes:F0} min)");
        var rows = new List<ReferenceResult>(run.MilestoneRows(Name, model, Settings + context.PrecisionNote))
        {
            new(Name, model, string.Create(CultureInfo.InvariantCulture, $"Kodak mean RGB PSNR (dB), σ = {Sigma}: noisy {noisy:F2}"), psnr, null, null, run.WallTime, Settings + context.PrecisionNote),
        };
        run.Model.Dispose();
        return rows;
    }
}
