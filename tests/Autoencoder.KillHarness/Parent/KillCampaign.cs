using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using Autoencoder.KillHarness.Child;
using Autoencoder.Runtime.Training;
using TorchSharp;

namespace Autoencoder.KillHarness.Parent;

/// <summary>Parent mode: one uninterrupted reference child, then the runs of kills, then the counts.</summary>
internal static class KillCampaign
{
    private static readonly TimeSpan ReferenceTimeout = TimeSpan.FromMinutes(5);
    private const long ImageSeed = 2024;

    public static int Run(HarnessOptions options)
    {
        var wall = Stopwatch.StartNew();
        torch.set_num_threads(1); // the parent only loads checkpoints; leave the cores to the child
        string root = Path.Combine(Path.GetFullPath(options.WorkDirectory), "ae-killharness-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"kill harness: {options.Runs} runs x {options.KillsPerRun} kills, seed {options.Seed}, " +
                          $"{options.Training.Epochs} epochs of {options.Training.Samples} images" +
                          (options.Images ? " streamed from PNG files" : "") + ", a checkpoint every " +
                          $"{options.Training.EverySteps} steps; directories under {root}");

        var tally = new KillTally();
        bool keepRoot = options.Keep;
        try
        {
            var size = options.Training;
            if (options.Images)
            {
                // Written once and shared: every child must see the same files, as a resumed user's program would.
                string folder = Path.Combine(root, "images");
                SyntheticPhotos.Write(folder, size.Samples, ImageSeed);
                size = size with { ImageFolder = folder };
            }

            if (Reference(Path.Combine(root, "reference"), size, tally) is not var (timing, plan, digest))
                return Finish(tally, wall, root, keepRoot: true);

            var random = new Random(options.Seed);
            for (int run = 1; run <= options.Runs; run++)
            {
                string directory = Path.Combine(root, $"run-{run:D3}");
                bool passed;
                try
                {
                    passed = new KillRun(run, directory, size, timing, plan, digest, random, tally).Execute(options.KillsPerRun);
                }
                catch (Exception e) when (e is IOException or InvalidOperationException or UnauthorizedAccessException)
                {
                    tally.Fail($"run {run} ({directory}): the harness failed: {e}");
                    passed = false;
                }

                if (passed && !options.Keep)
                    Directory.Delete(directory, recursive: true);
                keepRoot |= !passed;
            }
            return Finish(tally, wall, root, keepRoot);
        }
        catch
        {
            Console.WriteLine($"The harness failed; its directories are kept in {root}.");
            throw;
        }
    }

    /// <summary>An uninterrupted child: the digest every run must end with, its timing and the files it writes, in order.</summary>
    private static (ChildTiming, WritePlan, string)? Reference(string directory, TrainingSize size, KillTally tally)
    {
        Directory.CreateDirectory(directory);
        using var writes = new WriteWatcher(directory);
        using var child = ChildProcess.Start(directory, size);
        tally.ChildrenStarted++;
        bool exited = child.WaitForExit(ReferenceTimeout);
        string? digest = child.Values(ChildProtocol.Final).LastOrDefault();
        if (!exited || child.ExitCode != 0 || digest is null || child.TrainingStartedAt is not { } startup)
        {
            tally.Fail((exited ? $"the reference child exited with code {child.ExitCode} and no digest" : "the reference child timed out") +
                       Environment.NewLine + child.Diagnostics());
            return null;
        }

        // Kills are aimed at writes from this list, so the watcher must have seen every one the child reported.
        var plan = new WritePlan(writes.Writes);
        var reported = child.Values(ChildProtocol.Checkpoint).Select(Path.GetFileName);
        if (!writes.Writes.Where(w => w != CheckpointDirectory.BestFileName).SequenceEqual(reported))
        {
            tally.Fail($"the watcher saw the writes {string.Join(", ", writes.Writes)}, which are not the checkpoints " +
                       $"the reference child reported: {string.Join(", ", reported)}");
            return null;
        }

        var timing = new ChildTiming(startup, child.ExitedAt!.Value - startup);
        Console.WriteLine($"reference: digest {digest}, {timing.Startup.TotalSeconds:F2} s startup + " +
                          $"{timing.Training.TotalSeconds:F2} s training, {plan.Count} checkpoint writes (best.ckpt copies included)");
        Directory.Delete(directory, recursive: true);
        return (timing, plan, digest);
    }

    private static int Finish(KillTally tally, Stopwatch wall, string root, bool keepRoot)
    {
        if (keepRoot)
            Console.WriteLine($"Directories kept in {root}.");
        else if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        tally.Print(Console.Out, wall.Elapsed);
        return tally.Consistent ? 0 : 1;
    }
}
