using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
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
          --images            streamed data: the parent writes N small PNGs (default 256, 40×32, and one damaged
                              file, which is skipped) into a folder once, and the children train a convolutional and
                              dense model on random 16×16 patches streamed from it (batch 16), each child on 1 or 2
                              decode threads
          --child --dir D [--image-folder F --decode-threads T]
                              child mode: train with checkpoints in D, on the images in F if given
                              (what the parent starts)
        """;

    /// <summary>Images the --images mode writes when --samples is not given: enough for 16 steps an epoch.</summary>
    public const int DefaultImages = 256;

    public bool Child { get; init; }

    public bool ShowHelp { get; init; }

    public string? Directory { get; init; }

    public int Runs { get; init; } = 10;

    public int KillsPerRun { get; init; } = 2;

    public int Seed { get; init; } = 1;

    public string WorkDirectory { get; init; } = Path.GetTempPath();

    public bool Keep { get; init; }

    /// <summary>The --images mode: children stream a folder of images the parent writes.</summary>
    public bool Images { get; init; }

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
                "--images" => options with { Images = true },
                "--image-folder" => options with { Training = options.Training with { ImageFolder = Value() } },
                "--decode-threads" => options with { Training = options.Training with { DecodeThreads = Number() } },
                "--help" or "-h" => options with { ShowHelp = true },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'. Use --help for the options."),
            };
        }

        if (options.Child && options.Directory is null)
            throw new ArgumentException("--child needs --dir.");
        if (options.Images && !args.Contains("--samples"))
            options = options with { Training = options.Training with { Samples = DefaultImages } };
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

    /// <summary>The folder the children stream images from (--images mode); null trains on synthetic digits in memory.</summary>
    public string? ImageFolder { get; init; }

    /// <summary>Decode threads of a child that streams images; results must not depend on them.</summary>
    public int DecodeThreads { get; init; } = 2;

    /// <summary>Samples of an epoch: the images, and the damaged file that is skipped at its place in the order.</summary>
    public int EpochSamples => ImageFolder is null ? Samples : Samples + 1;

    public int BatchSize => ImageFolder is null ? ChildTraining.BatchSize : PhotoTraining.BatchSize;

    public long StepsPerEpoch => (EpochSamples + BatchSize - 1) / BatchSize;

    public IEnumerable<string> Arguments()
    {
        string[] size =
        [
            "--epochs", Epochs.ToString(CultureInfo.InvariantCulture),
            "--samples", Samples.ToString(CultureInfo.InvariantCulture),
            "--every-steps", EverySteps.ToString(CultureInfo.InvariantCulture),
        ];
        return ImageFolder is null
            ? size
            : [.. size, "--image-folder", ImageFolder, "--decode-threads", DecodeThreads.ToString(CultureInfo.InvariantCulture)];
    }
}
