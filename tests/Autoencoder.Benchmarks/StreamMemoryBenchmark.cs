using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Data;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Memory of streaming a large image folder: writes generated 512×512 colour PNGs into a temporary folder (deleted at
/// the end), then reads one epoch of random 256×256 patches in batches of 8 through the image-folder loader alone (no
/// model: the loader's memory is what depends on the folder), sampling resident memory at the end of each quarter of the
/// epoch and its peak within each quarter. An epoch over the first 1,000 images runs before and after it, so the peaks
/// show whether memory depends on the folder's size. It reports; it does not fail.
/// </summary>
internal static class StreamMemoryBenchmark
{
    public const int DefaultImages = 10_000;
    private const int Side = 512;
    private const int Patch = 256;
    private const int BatchSize = 8;
    private const int DecodeThreads = 2;
    private const double GrowthLimitPercent = 5;
    private const int WarmUpBatches = 125; // an epoch of the first 1,000 images

    public static int Run(int images)
    {
        var root = Directory.CreateTempSubdirectory("autoencoder-stream-memory-");
        try
        {
            var clock = Stopwatch.StartNew();
            long bytes = SyntheticPhotoFolder.Write(root.FullName, images, Side);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Wrote {images} generated {Side}×{Side} RGB PNGs ({bytes / (1024.0 * 1024.0):F0} MiB) to {root.FullName} in {clock.Elapsed.TotalSeconds:F0} s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Loader alone, one epoch: random {Patch}×{Patch} patches, batch {BatchSize}, {DecodeThreads} decode threads, " +
                $"prefetch 2 batches; RSS read after a full collection at the end of each quarter, peak (VmHWM) reset at its start"));

            // Loads libtorch and Skia and lets the allocators' pools (glibc's arenas, one per decode thread) reach the
            // size they keep, which the first quarter would otherwise count as growth: about a hundred batches.
            WarmUp(SyntheticPhotoFolder.PartFolder(root.FullName, 0));
            var baseline = MemorySample.Take();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"after a warm-up of {WarmUpBatches} batches: RSS {baseline.ResidentMiB:F0} MiB"));
            if (images <= SyntheticPhotoFolder.ImagesPerPart)
            {
                Epoch(root.FullName);
                return 0;
            }

            // The small folder before and after the large one: the allocators may still be settling during the first, so
            // the second, in the state the large epoch left, is the fair comparison.
            string small = SyntheticPhotoFolder.PartFolder(root.FullName, 0);
            double smallBefore = Epoch(small);
            double large = Epoch(root.FullName);
            double smallAfter = Epoch(small);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Peak RSS of an epoch: {SyntheticPhotoFolder.ImagesPerPart} images {smallBefore:F0} MiB, then {images} images {large:F0} MiB, " +
                $"then {SyntheticPhotoFolder.ImagesPerPart} images again {smallAfter:F0} MiB ({Percent(smallAfter, large):+0.0;-0.0} % for {images / SyntheticPhotoFolder.ImagesPerPart}× the files)"));
            return 0;
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }

    private static void WarmUp(string folder)
    {
        using var batches = Loader(folder).OpenEpoch(new EpochPlan(Seed: 2, Epoch: 1, BatchSize, Shuffle: true));
        for (int i = 0; i < WarmUpBatches; i++)
        {
            using var scope = NewDisposeScope();
            if (batches.Next() is null)
                break;
        }
    }

    private static ImageFolderData Loader(string folder) => new(folder, new ImageFolderOptions
    {
        Channels = 3,
        PatchHeight = Patch,
        PatchWidth = Patch,
        FlipHorizontal = true,
        DecodeThreads = DecodeThreads,
    });

    /// <summary>One epoch over <paramref name="folder"/>, printing each quarter; returns the epoch's peak RSS in MiB.</summary>
    private static double Epoch(string folder)
    {
        var data = Loader(folder);
        long steps = (data.Count + BatchSize - 1) / BatchSize;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{data.Count} images ({steps} batches):"));

        var quarters = new MemorySample[4];
        var clock = Stopwatch.StartNew();
        long step = 0;
        bool peakReset = MemorySample.ResetPeak();
        using (var batches = data.OpenEpoch(new EpochPlan(Seed: 1, Epoch: 1, BatchSize, Shuffle: true)))
        {
            for (int quarter = 0; quarter < 4; quarter++)
            {
                long end = steps * (quarter + 1) / 4;
                for (; step < end; step++)
                {
                    using var scope = NewDisposeScope();
                    _ = batches.Next() ?? throw new InvalidOperationException($"The epoch ended after {step} of {steps} batches.");
                }
                quarters[quarter] = MemorySample.Take();
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  quarter {quarter + 1} (to batch {end}, {clock.Elapsed.TotalSeconds:F0} s): RSS {quarters[quarter].ResidentMiB:F1} MiB, " +
                    $"peak in the quarter {quarters[quarter].PeakResidentMiB:F1} MiB, managed {quarters[quarter].ManagedMiB:F1} MiB"));
                peakReset &= MemorySample.ResetPeak();
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {data.Count / clock.Elapsed.TotalSeconds:F0} patches/s; growth from the first to the last quarter: RSS " +
            $"{Percent(quarters[0].ResidentMiB, quarters[3].ResidentMiB):+0.0;-0.0} %, peak " +
            $"{Percent(quarters[0].PeakResidentMiB, quarters[3].PeakResidentMiB):+0.0;-0.0} % (goal under {GrowthLimitPercent} %)" +
            $"{(peakReset ? "" : "; VmHWM could not be reset, so peaks are the process's")}"));
        double peak = 0;
        foreach (var sample in quarters)
            peak = Math.Max(peak, sample.PeakResidentMiB);
        return peak;
    }

    private static double Percent(double from, double to) => (to - from) / from * 100;
}
