using System;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Examples;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Training;
using Spectre.Console;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Memory over a long run. Trains the generated classic model on an MNIST subset, with validation and with the
/// examples' own reporting attached (<see cref="ExampleReporting"/>: JSON-lines metrics, a TensorBoard run with
/// reconstruction images, the loss plot, the live progress bar drawn to a null console), so that a leak in any of
/// them shows. After every epoch it prints the resident set size and TorchSharp's live tensor count, each read after
/// a full garbage collection; at the end, the growth from epoch 1 and whether the tensors are back at their baseline.
/// It reports; it does not fail.
/// </summary>
internal static class MemoryBenchmark
{
    public const int DefaultEpochs = 30;
    public const int DefaultTrainImages = 20_000;
    private const int ValidationImages = 2_000;
    private const int BatchSize = 32;
    private const double GrowthLimitPercent = 5;

    public static int Run(string repositoryRoot, int epochs, int trainImages)
    {
        var mnistDirectory = Path.Combine(repositoryRoot, "data", "mnist");
        var output = Directory.CreateTempSubdirectory("autoencoder-memory-");
        var console = AnsiConsole.Console;
        try
        {
            // The bar is live, as in a terminal (Spectre's refresh thread and all), but draws to nowhere.
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(TextWriter.Null),
                Ansi = AnsiSupport.Yes,
                Interactive = InteractionSupport.Yes,
                ColorSystem = ColorSystemSupport.Standard,
            });
            return Measure(mnistDirectory, output.FullName, epochs, trainImages);
        }
        finally
        {
            AnsiConsole.Console = console;
            output.Delete(recursive: true);
        }
    }

    private static int Measure(string mnistDirectory, string outputDirectory, int epochs, int trainImages)
    {
        var start = MemorySample.Take();
        MemorySample beforeFit, afterFit, afterEvaluate;
        int optimizerState;
        MemorySample? firstEpoch = null;
        var probe = new MemoryProbe(PrintEpoch);
        using (var train = MnistDataset.LoadSplit(mnistDirectory, MnistSubset.Train, trainImages))
        using (var validation = MnistDataset.LoadSplit(mnistDirectory, MnistSubset.Test, ValidationImages))
        using (var reporting = new ExampleReporting(outputDirectory, "Memory benchmark"))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Memory: {epochs} epochs of {nameof(BenchmarkAutoencoder)} on {train.Count:N0} MNIST images (batch {BatchSize}), " +
                $"validated on {validation.Count:N0}, with the examples' observers; torch threads: {TorchSharp.torch.get_num_threads()}"));
            Console.WriteLine("Each row is read at the end of its epoch, after the other observers and a full garbage collection.");
            Console.WriteLine();
            Console.WriteLine("epoch  seconds  train loss  val loss   RSS MiB  vs epoch 1  managed MiB  live tensors  tensor objects");

            // The probe goes after the examples' observers, so each sample sees what they kept.
            var trainer = BenchmarkAutoencoder.Trainer.Create(new BenchmarkAutoencoder.TrainingOptions
            {
                Epochs = epochs,
                BatchSize = BatchSize,
                Seed = 42,
                Observer = new CompositeObserver(reporting.Observer, probe),
            });
            reporting.Watch(trainer.Model, validation.Images, BatchSize);

            beforeFit = MemorySample.Take();
            var report = trainer.Fit(train.Images, validation.Images);
            afterFit = MemorySample.Take();
            var metrics = trainer.Evaluate(validation.Images);
            var loss = trainer.EvaluateLoss(validation.Images);
            afterEvaluate = MemorySample.Take();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"After Fit: validation BCE {loss:F5}, MSE {metrics.Mse:F5}, PSNR {metrics.Psnr:F2} dB ({report.TotalTime.TotalSeconds:F1} s of training)"));

            // Adam's two moment tensors per parameter tensor: the trainer owns the optimizer and has no Dispose.
            optimizerState = 2 * trainer.Model.parameters().Count();
            trainer.Model.Dispose();
        }

        var afterDispose = MemorySample.Take();
        PrintSummary(probe, start, beforeFit, afterFit, afterEvaluate);
        Console.WriteLine(
            $"After disposing the model, the observers and the data: {afterDispose.LiveTensors - start.LiveTensors} live tensors more than at the start; " +
            $"{optimizerState} are Adam's moment estimates, which the generated trainer holds and cannot dispose");
        return 0;

        void PrintEpoch(EpochResult result, MemorySample sample)
        {
            firstEpoch ??= sample;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{result.Epoch,5}  {result.Duration.TotalSeconds,7:F2}  {result.TrainLoss,10:F5}  {result.ValidationLoss,8:F5}  " +
                $"{sample.ResidentMiB,8:F1}  {Percent(sample.ResidentBytes, firstEpoch.Value.ResidentBytes),9:+0.00;-0.00}%  " +
                $"{sample.ManagedMiB,11:F1}  {sample.LiveTensors,12}  {sample.TensorObjects,14}"));
        }
    }

    private static void PrintSummary(MemoryProbe probe, MemorySample start, MemorySample beforeFit, MemorySample afterFit, MemorySample afterEvaluate)
    {
        Console.WriteLine();
        if (probe.Epochs.Count == 0)
        {
            Console.WriteLine("No epoch finished: nothing to compare.");
            return;
        }

        var first = probe.Epochs[0].Memory;
        var last = probe.Epochs[^1];
        var max = probe.Epochs.MaxBy(e => e.Memory.ResidentBytes);
        var growth = Percent(last.Memory.ResidentBytes, first.ResidentBytes);
        var live = probe.Epochs.Select(e => e.Memory.LiveTensors).ToList();
        var baseline = beforeFit.LiveTensors;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS: before Fit {beforeFit.ResidentMiB:F1} MiB, after epoch 1 {first.ResidentMiB:F1} MiB, after epoch {last.Epoch.Epoch} {last.Memory.ResidentMiB:F1} MiB: " +
            $"growth {growth:+0.00;-0.00}%; max {max.Memory.ResidentMiB:F1} MiB (epoch {max.Epoch.Epoch}); trend over epochs 2-{last.Epoch.Epoch} {TrendKiBPerEpoch(probe):+0.0;-0.0} KiB/epoch; " +
            $"peak RSS of the process {afterEvaluate.PeakResidentMiB:F1} MiB"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Managed heap: after epoch 1 {first.ManagedMiB:F1} MiB, after epoch {last.Epoch.Epoch} {last.Memory.ManagedMiB:F1} MiB"));
        Console.WriteLine(
            $"Live tensors (TorchSharp dispose-scope statistics, training thread): at start {start.LiveTensors}, before Fit {baseline}, " +
            $"after each epoch {live.Min()}..{live.Max()}, after Fit {afterFit.LiveTensors}, after Evaluate {afterEvaluate.LiveTensors}");
        Console.WriteLine(
            $"Tensor objects in the process: before Fit {beforeFit.TensorObjects}, after Fit {afterFit.TensorObjects}, after Evaluate {afterEvaluate.TensorObjects}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RSS growth after epoch 1 under {GrowthLimitPercent}%: {YesNo(growth < GrowthLimitPercent)}; " +
            $"live tensors back at baseline after every epoch, Fit and Evaluate: {YesNo(live.All(n => n == baseline) && afterFit.LiveTensors == baseline && afterEvaluate.LiveTensors == baseline)}"));
    }

    /// <summary>Least-squares slope of RSS over the epochs after the first, which warm-up does not distort.</summary>
    private static double TrendKiBPerEpoch(MemoryProbe probe)
    {
        var points = probe.Epochs.Skip(1).Select(e => (X: (double)e.Epoch.Epoch, Y: e.Memory.ResidentBytes / 1024.0)).ToList();
        if (points.Count < 2)
        {
            return 0;
        }

        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }

    private static double Percent(long value, long reference) => 100.0 * (value - reference) / reference;

    private static string YesNo(bool value) => value ? "yes" : "no";
}
