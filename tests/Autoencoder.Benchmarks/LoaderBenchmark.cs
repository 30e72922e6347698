using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using Autoencoder.Runtime.Data;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// The image-folder loader alone: random 256×256 RGB patches in batches of 8 from a folder of photographs, read as fast
/// as the loader gives them (nothing trains, so the reading thread only waits), with 1 and with 2 decode threads, and
/// with 1 thread cutting from decoded images kept in memory (ImageFolderOptions.CacheBytes, filled before measuring).
/// The three alternate over a few rounds in one process, so a shared machine's load falls on all alike. It reports; it
/// does not fail.
/// </summary>
internal static class LoaderBenchmark
{
    private const int Patch = 256;
    private const int BatchSize = 8;
    private const int Rounds = 5;
    private const int EpochsPerMeasurement = 4;
    private const string OneThread = "1 decode thread";
    private const string TwoThreads = "2 decode threads";
    private const string Cached = "1 thread, cached";

    public static int Run(string folder)
    {
        var options = new ImageFolderOptions { Channels = 3, PatchHeight = Patch, PatchWidth = Patch, FlipHorizontal = true };
        var probe = new ImageFolderData(folder, options);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Loader: {probe.Count} files in {folder}, random {Patch}×{Patch} RGB patches (horizontal flips), batch {BatchSize}, " +
            $"prefetch {options.PrefetchBatches} batches; {Environment.ProcessorCount} cores; {Rounds} rounds of {EpochsPerMeasurement} epochs per setting"));

        Measure(probe, epoch: 1); // warms the file cache and the code, and is not counted
        var cached = new ImageFolderData(folder, options with { DecodeThreads = 1, CacheBytes = 4L << 30 });
        Measure(cached, epoch: 1); // decodes every file once, into memory
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Cached: {cached.CachedBytes / 1e6:F0} MB of decoded images kept"));
        var settings = new Dictionary<string, Func<ImageFolderData>>
        {
            [OneThread] = () => new ImageFolderData(folder, options with { DecodeThreads = 1 }),
            [TwoThreads] = () => new ImageFolderData(folder, options with { DecodeThreads = 2 }),
            [Cached] = () => cached,
        };
        var rates = settings.Keys.ToDictionary(s => s, _ => new List<double>());
        for (int round = 1; round <= Rounds; round++)
        {
            foreach (var (setting, create) in settings)
            {
                var data = create();
                var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                long patches = 0;
                for (int e = 0; e < EpochsPerMeasurement; e++)
                    patches += Measure(data, epoch: (round * 10) + e);
                double seconds = clock.Elapsed.TotalSeconds;
                // Cores this process kept busy: on a shared machine a second thread helps only if it gets a core.
                double cores = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / seconds;
                double rate = patches / seconds;
                rates[setting].Add(rate);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  round {round}, {setting}: {patches} patches in {seconds:F2} s = {rate:F1} patches/s, {cores:F2} cores busy"));
            }
        }

        foreach (var (setting, values) in rates)
        {
            var sorted = values.Order().ToArray();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{setting}: median {sorted[sorted.Length / 2]:F1} patches/s " +
                $"({sorted[sorted.Length / 2] / BatchSize:F1} batches/s; range {sorted[0]:F1}-{sorted[^1]:F1})"));
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"2 threads / 1 thread: {Median(rates[TwoThreads]) / Median(rates[OneThread]):F2}×"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cached / 1 thread: {Median(rates[Cached]) / Median(rates[OneThread]):F2}×"));
        return 0;
    }

    /// <summary>Reads one epoch of batches and counts the patches.</summary>
    private static long Measure(ImageFolderData data, int epoch)
    {
        long patches = 0;
        using var batches = data.OpenEpoch(new EpochPlan(Seed: 1, epoch, BatchSize, Shuffle: true));
        while (true)
        {
            using var scope = NewDisposeScope();
            if (batches.Next() is not { } batch)
                return patches;
            patches += batch.Samples;
        }
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
