using System;
using System.Globalization;

namespace Autoencoder.Examples;

/// <summary>The example's options; anything not given keeps the model's declared default.</summary>
internal sealed record CommandLine(
    int? Epochs, int? BatchSize, long? Seed, double? LearningRate, string? DataDirectory, string OutputDirectory, bool Resume, int? Threads, bool ShowHelp)
{
    public const string Usage = """
        Trains the classic dense MNIST autoencoder declared in SeedAutoencoder.cs.

        Options:
          --epochs N        passes over the 60,000 training images (declared: 20)
          --batch-size N    images per step (declared: 256)
          --seed N          seed for weights, shuffling and dropout (declared: 42)
          --learning-rate X Adam's learning rate (declared: 0.001)
          --data DIR        a directory holding the four MNIST IDX files, raw or .gz (default: the repository's data/mnist)
          --out DIR         where weights, images, metrics, loss.png, checkpoints and TensorBoard runs go (default: out/SeedAutoencoder)
          --resume          continue the run whose checkpoints are in DIR/checkpoints (a killed run picks up where it
                            stopped; a finished one is evaluated again); without it, earlier checkpoints are deleted
          --threads N       CPU threads for TorchSharp (default: TorchSharp's choice)
          --help            this text
        """;

    /// <summary>Reads the options; <paramref name="defaultOutput"/> lets another example (ConvAutoencoder) share this parser.</summary>
    public static CommandLine Parse(string[] args, string defaultOutput)
    {
        int? epochs = null, batchSize = null;
        long? seed = null;
        double? learningRate = null;
        string? data = null;
        var output = defaultOutput;
        var help = false;
        var resume = false;
        int? threads = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--epochs": epochs = PositiveInt(args, ref i); break;
                case "--batch-size": batchSize = PositiveInt(args, ref i); break;
                case "--seed": seed = long.Parse(Value(args, ref i), NumberStyles.Integer, CultureInfo.InvariantCulture); break;
                case "--learning-rate": learningRate = PositiveDouble(args, ref i); break;
                case "--data": data = Value(args, ref i); break;
                case "--out": output = Value(args, ref i); break;
                case "--resume": resume = true; break;
                case "--threads": threads = PositiveInt(args, ref i); break;
                case "--help" or "-h": help = true; break;
                default: throw new ArgumentException($"Unknown option '{args[i]}'. Run with --help for the options.");
            }
        }

        return new CommandLine(epochs, batchSize, seed, learningRate, data, output, resume, threads, help);
    }

    private static string Value(string[] args, ref int i)
    {
        if (i + 1 >= args.Length)
        {
            throw new ArgumentException($"Option '{args[i]}' needs a value.");
        }

        return args[++i];
    }

    private static double PositiveDouble(string[] args, ref int i)
    {
        var option = args[i];
        var text = Value(args, ref i);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !(value > 0) || double.IsInfinity(value))
        {
            throw new ArgumentException($"Option '{option}' needs a positive number, not '{text}'.");
        }

        return value;
    }

    private static int PositiveInt(string[] args, ref int i)
    {
        var option = args[i];
        var text = Value(args, ref i);
        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value <= 0)
        {
            throw new ArgumentException($"Option '{option}' needs a positive whole number, not '{text}'.");
        }

        return value;
    }
}
