using System;
using System.Globalization;
using System.IO;
using Autoencoder.Benchmarks;

// Benchmarks print figures; they assert nothing and do not fail on slow or noisy machines.
const string usage = """
    Usage: dotnet run -c Release --project tests/Autoencoder.Benchmarks -- [--memory [--epochs N] [--train-images N]]

      (no options)      speed: the generated trainer against a hand-written TorchSharp loop (same model, data,
                        batch size and seed, alternating in one process); prints samples/s and their ratio
      --memory          memory over a long run: trains the generated classic model on MNIST with validation and the
                        examples' observers (JSON-lines log, TensorBoard with reconstruction images, loss plot,
                        live progress bar drawn to a null console); prints resident memory and TorchSharp's live
                        tensor count after every epoch, then RSS growth from epoch 1 to the end and whether the
                        live tensors are back at their count before Fit. On Linux, RSS also moves with glibc's
                        per-thread malloc arenas: MALLOC_ARENA_MAX=2 gives steadier figures
      --epochs N        memory mode: epochs to train (default 30)
      --train-images N  memory mode: MNIST training images (default 20000; 2000 test images validate)
      --help            this text
    """;

var memory = false;
var epochs = MemoryBenchmark.DefaultEpochs;
var trainImages = MemoryBenchmark.DefaultTrainImages;
try
{
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--memory": memory = true; break;
            case "--epochs": epochs = PositiveInt(args, ref i); break;
            case "--train-images": trainImages = PositiveInt(args, ref i); break;
            case "--help" or "-h": Console.WriteLine(usage); return 0;
            default: throw new ArgumentException($"Unknown option '{args[i]}'.");
        }
    }

    if (!memory && args.Length > 0)
    {
        throw new ArgumentException("--epochs and --train-images apply to --memory only.");
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}

var root = FindRepositoryRoot();
return memory ? MemoryBenchmark.Run(root, epochs, trainImages) : SpeedBenchmark.Run(root);

static int PositiveInt(string[] args, ref int i)
{
    if (i + 1 >= args.Length)
    {
        throw new ArgumentException($"Option '{args[i]}' needs a value.");
    }

    var option = args[i];
    var value = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
    return value > 0 ? value : throw new ArgumentException($"Option '{option}' must be positive, got {value}.");
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
        {
            return dir.FullName;
        }
    }

    throw new DirectoryNotFoundException("Run the benchmark from inside the repository: data/mnist is read from there.");
}
