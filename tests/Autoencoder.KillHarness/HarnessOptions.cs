using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Autoencoder.KillHarness.Child;

namespace Autoencoder.KillHarness;

/// <summary>The command line of both modes: the parent's campaign settings and the training size it passes to children.</summary>
internal sealed record HarnessOptions
{
    public const string Usage =
        """
        Autoencoder.KillHarness: SIGKILLs training child processes at random moments and during checkpoint writes,
        and checks every time that the newest complete checkpoint loads and that training resumes bit-identically.

          --runs N            runs, each in a fresh checkpoint directory (default 10)
          --kills-per-run K   children killed per run before one is let finish (default 2)
          --seed S            seeds the kill plan: which kills wait for a checkpoint write, and when (default 1)
          --work DIR          where the run directories go (default: the system temp directory)
          --keep              keep the run directories (a failed run's directory is always kept)
          --epochs E --samples N --every-steps S
                              the children's training: epochs, synthetic images, steps between checkpoints
                              (default 3, 4096, 8; batch 64)
          --child --dir D     child mode: train with checkpoints in D (what the parent starts)
        """;

    public bool Child { get; init; }

    public bool ShowHelp { get; init; }

    public string? Directory { get; init; }

    public int Runs { get; init; } = 10;

    public int KillsPerRun { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public string WorkDirectory { get; init; } = Path.GetTempPath();

    public bool Keep { get; init; }

    public TrainingSize Training { get; init; } = new();

    /// <exception cref="ArgumentException">An unknown option, or one without its value.</exception>
    /// <exception cref="FormatException">A value that is not a number.</exception>
    public static HarnessOptions Parse(IReadOnlyList<string> args)
    {
        var options = new HarnessOptions();
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            int Number() => Positive(args[i], int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture));
            options = args[i] switch
            {
                "--child" => options with { Child = true },
                "--dir" => options with { Directory = Value() },
                "--runs" => options with { Runs = Number() },
                "--kills-per-run" => options with { KillsPerRun = Number() },
                "--seed" => options with { Seed = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--work" => options with { WorkDirectory = Value() },
                "--keep" => options with { Keep = true },
                "--epochs" => options with { Training = options.Training with { Epochs = Number() } },
                "--samples" => options with { Training = options.Training with { Samples = Number() } },
                "--every-steps" => options with { Training = options.Training with { EverySteps = Number() } },
                "--help" or "-h" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Use --help for the options."),
            };
        }

        if (options.Child && options.Directory is null)
            throw new ArgumentException("--child needs --dir.");
        return options;
    }

    private static int Positive(string option, int value) =>
        value > 0 ? value : throw new ArgumentException($"{option} must be at least 1.");
}

/// <summary>How much a child trains; the parent passes the same to every child so they all finish identically.</summary>
internal sealed record TrainingSize
{
    public int Epochs { get; init; } = 3;

    public int Samples { get; init; } = 4096;

    public int EverySteps { get; init; } = 8;

    public long StepsPerEpoch => (Samples + ChildTraining.BatchSize - 1) / ChildTraining.BatchSize;

    public IEnumerable<string> Arguments() =>
    [
        "--epochs", Epochs.ToString(CultureInfo.InvariantCulture),
        "--samples", Samples.ToString(CultureInfo.InvariantCulture),
        "--every-steps", EverySteps.ToString(CultureInfo.InvariantCulture),
    ];
}
