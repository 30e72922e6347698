using System;
using System.Collections.Generic;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Training;

namespace ReferenceRuns;

/// <summary>
/// One family member's reference run: it trains its declared model with fixed, documented settings and measures the
/// figure the literature reports, so the two can stand side by side in the results table.
/// </summary>
internal interface IReferenceEntry
{
    /// <summary>Short lower-case name used by <c>--only</c>, e.g. <c>vae</c>.</summary>
    string Name { get; }

    /// <summary>One line: the model and the settings (epochs, batch size, seed, optimizer) it trains with.</summary>
    string Settings { get; }

    /// <summary>Trains and measures; each row is one figure (an entry may report several, e.g. two noise levels).</summary>
    IReadOnlyList<ReferenceResult> Run(ReferenceContext context);
}

/// <summary>A measured figure beside the published one.</summary>
/// <param name="Entry">The entry's <see cref="IReferenceEntry.Name"/>.</param>
/// <param name="Model">What was trained, e.g. "VAE 784-500-500-50, Bernoulli decoder".</param>
/// <param name="Metric">What was measured and how, e.g. "test NLL (nats), IWAE bound, k = 5000".</param>
/// <param name="Ours">Our figure.</param>
/// <param name="Published">The literature's figure, when there is one to compare with.</param>
/// <param name="Source">Where <paramref name="Published"/> comes from, e.g. "Burda et al. 2016, Table 1".</param>
/// <param name="WallTime">Training and evaluation time of this row's run.</param>
/// <param name="Settings">Epochs, batch size, seed and anything else needed to repeat the run.</param>
internal sealed record ReferenceResult(
    string Entry,
    string Model,
    string Metric,
    double Ours,
    double? Published,
    string? Source,
    TimeSpan WallTime,
    string Settings);

/// <summary>What every entry gets: the data, where to write, and how much to train.</summary>
/// <param name="Mnist">MNIST, 60,000 training and 10,000 test images in [0, 1], with labels.</param>
/// <param name="OutputDirectory">This entry's own directory for images, weights and checkpoints.</param>
/// <param name="EpochScale">Multiplies every entry's documented epoch count (1 for the reference figures; less for a smoke run).</param>
/// <param name="Log">Progress and figures as they are measured.</param>
internal sealed record ReferenceContext(MnistDataset Mnist, string OutputDirectory, double EpochScale, TextWriter Log)
{
    /// <summary>The number format of the denoisers' training steps (<c>--precision</c>).</summary>
    public TrainingPrecision Precision { get; init; }

    /// <summary>What an entry's settings add for the precision: nothing for float32.</summary>
    public string PrecisionNote => Precision == TrainingPrecision.BFloat16 ? "; steps computed in bfloat16 (float32 weights)" : "";

    /// <summary>Threads TorchSharp may use within one operation (<c>--threads</c>); null leaves TorchSharp's choice.</summary>
    public int? Threads { get; init; }

    /// <summary>Where entries that train on photographs put their models (<c>--device</c>); the MNIST entries train on the CPU.</summary>
    public TrainingDevice Device { get; init; } = TrainingDevice.Cpu;

    /// <summary>The shared image data sets (<c>--datasets</c>: kodak, photos-train, bsd400, bsd68, set12); null when not found.</summary>
    public string? Datasets { get; init; }

    /// <summary>
    /// Models trained before, on another machine or in an earlier session (<c>--trained DIR</c>): a model whose weights and
    /// progress file are in DIR/&lt;entry&gt;/ and reached the entry's documented length is scored, not trained again.
    /// Null trains everything.
    /// </summary>
    public string? TrainedDirectory { get; init; }

    /// <summary><see cref="Datasets"/>, or an error saying how to give it.</summary>
    public string RequireDatasets() => Datasets
        ?? throw new DirectoryNotFoundException("This entry needs the shared image data sets: pass --datasets DIR (the folder holding bsd400, bsd68, kodak, ...).");

    /// <summary>
    /// A model's training folder with its decoded images kept in memory (up to 2 GiB): photos-train (49 photos, 0.2 GB
    /// decoded) and bsd400 (50 MB) are then decoded once per run instead of once per sample; the samples are the same.
    /// </summary>
    public static ImageFolderData Cached(ImageFolderData? data, string model) =>
        data is null
            ? throw new InvalidOperationException(model + " declares no training data for image folders.")
            : new ImageFolderData(data.Folder, data.Options with { CacheBytes = 2L << 30 });

    /// <summary>The documented epoch count scaled by <see cref="EpochScale"/>, never below one.</summary>
    public int Epochs(int documented) => Math.Max(1, (int)Math.Round(documented * EpochScale));
}
