using System;
using System.Collections.Generic;
using System.Globalization;
using Autoencoder.Runtime.Imaging;

namespace Autoencoder.Runtime.Data;

/// <summary>
/// Training or validation samples streamed from the image files (PNG, JPEG, WebP, BMP) under a folder, its subfolders
/// included: every epoch visits each file once, decoding it on a background thread into a patch (random, centre) or
/// the whole image. Only the files' paths are kept; images are decoded per sample, a bounded number ahead.
/// </summary>
/// <remarks>
/// Deterministic: files are indexed in ordinal order of their relative paths, the epoch's order is drawn from
/// (seed, epoch) as for tensors, and each sample's crop, flips and downscale from (seed, epoch, position), so a run
/// resumed from a checkpoint ends bit-identical to one never interrupted, whatever the thread timing.
/// </remarks>
public sealed class ImageFolderData : ITrainingData
{
    private readonly ImageFileIndex _index;
    private readonly ImageSampler _sampler;
    private readonly List<SkippedImage> _skipped = new();
    private readonly HashSet<string> _skippedPaths = new(StringComparer.Ordinal);

    /// <summary>Indexes the image files under <paramref name="folder"/> (nothing is decoded yet).</summary>
    /// <exception cref="ImageFileException">The folder does not exist or holds no image files.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message says which.</exception>
    public ImageFolderData(string folder, ImageFolderOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(nameof(options));
        Folder = folder;
        Options = options;
        _index = ImageFileIndex.Of(folder);
        _sampler = new ImageSampler(options);
        SampleShape = options.Crop == ImageCrop.Whole
            ? [options.Channels, -1, -1]
            : [options.Channels, options.PatchHeight, options.PatchWidth];
    }

    /// <summary>The folder given.</summary>
    public string Folder { get; }

    /// <summary>How files become samples.</summary>
    public ImageFolderOptions Options { get; }

    /// <summary>The image files, full paths, in index order (ordinal order of their paths relative to <see cref="Folder"/>).</summary>
    public IReadOnlyList<string> Files => _index.Files;

    /// <summary>Samples an epoch: the files times <see cref="ImageFolderOptions.PatchesPerImage"/>.</summary>
    public long Count => (long)_index.Files.Count * Options.PatchesPerImage;

    /// <summary>The file sample <paramref name="sample"/> of an epoch is cut from: the epoch is PatchesPerImage passes over the files.</summary>
    internal string FileOf(long sample) => _index.Files[(int)(sample % _index.Files.Count)];

    /// <inheritdoc/>
    public IReadOnlyList<long> SampleShape { get; }

    /// <summary>
    /// The files (a digest of their relative paths and their count) and every setting that changes the samples; not
    /// the threads, the prefetch depth, the cache, <see cref="ImageFolderOptions.BadImages"/> or
    /// <see cref="ImageFolderOptions.ConvertColour"/>, so a run stopped by a bad file can be resumed with them changed.
    /// </summary>
    public string Identity => string.Create(CultureInfo.InvariantCulture,
        $"image folder of {_index.Files.Count} files (names {_index.Digest}), {Options.Channels} channels, {Options.Crop} {Options.PatchHeight}×{Options.PatchWidth}, " +
        $"flips {(Options.FlipHorizontal ? "h" : "-")}{(Options.FlipVertical ? "v" : "-")}, downscale {Options.Downscale?.ToString() ?? "none"}{PatchesText}");

    // Left out at 1, so runs checkpointed before the option existed resume.
    private string PatchesText => Options.PatchesPerImage == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", {Options.PatchesPerImage} patches a file");

    /// <summary>Bytes of decoded images kept in memory for later epochs so far, at most <see cref="ImageFolderOptions.CacheBytes"/>.</summary>
    public long CachedBytes => _sampler.CachedBytes;

    /// <summary>Files left out so far under <see cref="BadImagePolicy.Skip"/>, each once, in the order they were met.</summary>
    public IReadOnlyList<SkippedImage> SkippedFiles
    {
        get
        {
            lock (_skipped)
                return _skipped.ToArray();
        }
    }

    /// <inheritdoc/>
    public IBatchReader OpenEpoch(EpochPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        long start = EpochPositions.FirstPosition(plan, Count, nameof(plan));
        var order = plan.Shuffle ? EpochPositions.ShuffledIndices(plan, Count) : null;
        // Whole images differ in size, so each is a batch of its own.
        int batchSize = Options.Crop == ImageCrop.Whole ? 1 : plan.BatchSize;
        return new PrefetchingBatches(this, _sampler, plan, order, start, batchSize);
    }

    internal void RecordSkipped(SkippedImage image)
    {
        lock (_skipped)
        {
            if (_skippedPaths.Add(image.Path))
                _skipped.Add(image);
        }
    }
}
