using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Torch;
using Autoencoder.Runtime.Training;
using static TorchSharp.torch;

namespace Autoencoder.Benchmarks.Stress;

/// <summary>
/// Trains every model family with checkpoints while a <see cref="CollectionPressure"/> forces collections and finalizers
/// back to back, then calls each family's inference paths under the same pressure. Prints, per family, the steps
/// trained, checkpoints written and the first failure; per path, the calls made and failures. Any failure makes the
/// exit code 1. A failure does not end the run: a family whose training fails goes on to its inference paths.
/// </summary>
internal static class StressBenchmark
{
    private const int TrainImages = 1024;
    private const int ValidationImages = 128;
    private const int BatchSize = 32;

    public static int Run(string repositoryRoot, long steps, int calls, IReadOnlyList<string> families)
    {
        using var mnist = MnistDataset.Load(Path.Combine(repositoryRoot, "data", "mnist"), maxTrain: TrainImages, maxTest: ValidationImages);
        var train = mnist.Train.Images;
        var validation = mnist.Test.Images;
        using var batch = validation[..16].clone();
        long stepsPerEpoch = (TrainImages + BatchSize - 1) / BatchSize;
        int epochs = (int)((steps + stepsPerEpoch - 1) / stepsPerEpoch);
        var root = Directory.CreateTempSubdirectory("autoencoder-stress-");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Stress: {epochs} epochs of {stepsPerEpoch} steps (batch {BatchSize}) per family, checkpoints every 16 steps and every epoch, {calls} calls per inference path; a thread forces GC.Collect + WaitForPendingFinalizers back to back; torch threads: {get_num_threads()}"));

        long failures = 0;
        using var collector = new CollectionPressure();
        var total = Stopwatch.StartNew();
        try
        {
            foreach (var family in families)
            {
                var counter = new StepCounter();
                var factory = new StressFamilies(train, validation, batch, epochs, name => new CheckpointOptions
                {
                    Directory = Path.Combine(root.FullName, name),
                    KeepLast = 2,
                    EverySteps = 16,
                }, counter);
                var clock = Stopwatch.StartNew();
                var stressCase = factory.Create(family);
                string outcome;
                try
                {
                    var report = stressCase.Train();
                    var last = report.Epochs[^1];
                    outcome = string.Create(CultureInfo.InvariantCulture, $"ok, train loss {report.Epochs[0].TrainLoss:G4} -> {last.TrainLoss:G4}");
                }
                catch (Exception e)
                {
                    failures++;
                    outcome = $"FAILED at step {counter.Steps + 1}: {OneLine(e)}";
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"train {family,-12} {stressCase.Optimizer,-16} steps {counter.Steps,6}  checkpoints {counter.Checkpoints,4}  {clock.Elapsed.TotalSeconds,6:F1} s  collections {collector.Collections,8}  {outcome}"));

                foreach (var path in stressCase.Paths)
                {
                    clock.Restart();
                    int failed = 0;
                    string? first = null;
                    for (int call = 0; call < calls; call++)
                    {
                        try
                        {
                            path.Call();
                        }
                        catch (Exception e)
                        {
                            failed++;
                            first ??= $"first at call {call + 1}: {OneLine(e)}";
                        }
                    }

                    failures += failed;
                    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"infer {family,-12} {path.Name,-30} calls {calls,6}  failures {failed,4}  {clock.Elapsed.TotalSeconds,6:F1} s  {first ?? "ok"}"));
                }
            }
        }
        finally
        {
            root.Delete(recursive: true);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"stress: families={families.Count} failures={failures} collections={collector.Collections} seconds={total.Elapsed.TotalSeconds:F0}"));
        return failures == 0 ? 0 : 1;
    }

    private static string OneLine(Exception e)
    {
        var message = $"{e.GetType().Name}: {e.Message}".ReplaceLineEndings(" ");
        return message.Length > 220 ? message[..220] + "…" : message;
    }
}
