using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using TorchSharp;

namespace Autoencoder.KillHarness.Parent;

/// <summary>Parent mode: one uninterrupted reference child, then the runs of kills, then the counts.</summary>
internal static class KillCampaign
{
    private static readonly TimeSpan ReferenceTimeout = TimeSpan.FromMinutes(5);

    public static int Run(HarnessOptions options)
    {
        var wall = Stopwatch.StartNew();
        torch.set_num_threads(1); // the parent only loads checkpoints; leave the cores to the child
        string root = Path.Combine(Path.GetFullPath(options.WorkDirectory), "ae-killharness-" + Guid.NewGuid().ToString("N")[..8]);
        Console.WriteLine($"kill harness: {options.Runs} runs x {options.KillsPerRun} kills, seed {options.Seed}, " +
                          $"{options.Training.Epochs} epochs of {options.Training.Samples} images, a checkpoint every " +
                          $"{options.Training.EverySteps} steps; directories under {root}");

        var tally = new KillTally();
        bool keepRoot = options.Keep;
        try
        {
            if (Reference(Path.Combine(root, "reference"), options.Training, tally) is not var (timing, digest))
                return Finish(tally, wall, root, keepRoot: true);

            var random = new Random(options.Seed);
            for (int run = 1; run <= options.Runs; run++)
            {
                string directory = Path.Combine(root, $"run-{run:D3}");
                bool passed;
                try
                {
                    passed = new KillRun(run, directory, options.Training, timing, digest, random, tally).Execute(options.KillsPerRun);
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

    /// <summary>An uninterrupted child: the digest every run must end with, and the timing kill moments are drawn from.</summary>
    private static (ChildTiming, string)? Reference(string directory, TrainingSize size, KillTally tally)
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

        var timing = new ChildTiming(startup, child.Elapsed - startup, writes.Seen);
        Console.WriteLine($"reference: digest {digest}, {timing.Startup.TotalSeconds:F2} s startup + " +
                          $"{timing.Training.TotalSeconds:F2} s training, {timing.Writes} checkpoint writes");
        Directory.Delete(directory, recursive: true);
        return (timing, digest);
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
