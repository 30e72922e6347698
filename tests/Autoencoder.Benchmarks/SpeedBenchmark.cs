using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Data;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Trains the generated classic model and a hand-written TorchSharp loop on the same data, batch size and
/// seed, in one process, alternating which goes first, and prints samples/s of each and their ratio.
/// Ratios measured within one run are what count on a shared, noisy machine; absolute figures vary.
/// </summary>
internal static class SpeedBenchmark
{
    public static int Run(string repositoryRoot)
    {
        using var mnist = MnistDataset.Load(Path.Combine(repositoryRoot, "data", "mnist"), maxTest: 1);
        var inputs = mnist.Train.Images;
        var count = inputs.shape[0];
        Console.WriteLine($"MNIST training images: {count:N0}; torch threads: {get_num_threads()}");

        var ratios = new Dictionary<int, double>();
        foreach (var (batchSize, rounds, epochsPerRound) in new[] { (32, 9, 1), (256, 21, 1) })
        {
            var generated = BenchmarkAutoencoder.Trainer.Create(new BenchmarkAutoencoder.TrainingOptions { Epochs = epochsPerRound, BatchSize = batchSize, Seed = 42 });
            using var handwritten = new HandwrittenLoop(batchSize, seed: 42);

            // Warm-up: first-touch allocations and libtorch's lazy initialisation are not what is compared.
            generated.Fit(inputs);
            HandwrittenEpochs(handwritten, inputs, epochsPerRound);

            var generatedRates = new List<(double Wall, double Cpu)>();
            var handwrittenRates = new List<(double Wall, double Cpu)>();
            for (var round = 0; round < rounds; round++)
            {
                // Alternate the order so that neither side always runs on a warmer (or busier) machine.
                if (round % 2 == 0)
                {
                    generatedRates.Add(Rate(count, epochsPerRound, () => generated.Fit(inputs)));
                    handwrittenRates.Add(Rate(count, epochsPerRound, () => HandwrittenEpochs(handwritten, inputs, epochsPerRound)));
                }
                else
                {
                    handwrittenRates.Add(Rate(count, epochsPerRound, () => HandwrittenEpochs(handwritten, inputs, epochsPerRound)));
                    generatedRates.Add(Rate(count, epochsPerRound, () => generated.Fit(inputs)));
                }
            }

            // Each epoch is timed in this process's CPU time: on a shared VM, time stolen by other tenants shows
            // in wall-clock time but not in CPU time, so CPU time compares the two loops far more steadily.
            // Both are printed; the ratio is the median of the paired (adjacent) epochs' CPU-time ratios.
            var perRound = generatedRates.Zip(handwrittenRates, (g, h) => g.Cpu / h.Cpu).ToList();
            var wallPerRound = generatedRates.Zip(handwrittenRates, (g, h) => g.Wall / h.Wall).ToList();
            var ratio = Median(perRound);
            ratios[batchSize] = ratio;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch {batchSize,3}: generated {Median(generatedRates.Select(r => r.Wall).ToList()),8:F0} samples/s, handwritten {Median(handwrittenRates.Select(r => r.Wall).ToList()),8:F0} samples/s (wall, median of {rounds}); " +
                $"ratio {ratio:F3} by CPU time, {Median(wallPerRound):F3} by wall time"));
            Console.WriteLine("  CPU-time ratio per round: " + string.Join(" ", perRound.Select(r => r.ToString("F3", CultureInfo.InvariantCulture))));
            generated.Model.Dispose();
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"generated/handwritten batch32={ratios[32]:F3} batch256={ratios[256]:F3}"));
        return 0;
    }

    private static (double Wall, double Cpu) Rate(long count, int epochs, Action train)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        train();
        var wall = watch.Elapsed.TotalSeconds;
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return (epochs * count / wall, epochs * count / cpu);
    }

    private static void HandwrittenEpochs(HandwrittenLoop loop, Tensor inputs, int epochs)
    {
        for (var i = 0; i < epochs; i++)
        {
            loop.TrainEpoch(inputs);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
