using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Benchmarks;
using Autoencoder.Benchmarks.Stress;
using Autoencoder.Runtime.Imaging;

// Benchmarks print figures; they assert nothing and do not fail on slow or noisy machines.
const string usage = """
    Usage: dotnet run -c Release --project tests/Autoencoder.Benchmarks -- [--memory [--epochs N] [--train-images N]]
                                                                           [--stress [--steps N] [--calls N] [--families LIST]]
                                                                           [--tiles [--tile N] [--overlap N]]
                                                                           [--loader DIR] [--stream-memory [--images N]]
                                                                           [--precision [--rounds N]]
                                                                           [--precision-training DIR [--training-steps N]]

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
      --stress          training that must never die at random: trains every model family (plain, denoising, sparse,
                        contractive, vae, vqvae, compression) on MNIST with checkpoints while a thread forces full
                        collections and finalizers back to back, then calls each family's inference paths
                        (Reconstruct, Evaluate, metrics, Denoise, Sample, Compress/Decompress, ...) under the same
                        pressure; prints steps, calls and failures, and exits 1 on any failure
      --steps N         stress mode: training steps per family (default 10000)
      --calls N         stress mode: calls per inference path (default 1000)
      --families LIST   stress mode: comma-separated families (default: all)
      --tiles           tiled inference on a photograph: peak RSS of one 6000×4000 RGB image run in tiles through a
                        fully convolutional 3→64→64→3 network (stride-2 stage, transposed conv, random weights)
                        against the RSS before, the time it takes, and the largest difference between the tiled and
                        the untiled output on a 768×512 image
      --tile N          tiles mode: tile side (default 512)
      --overlap N       tiles mode: overlap (default 64)
      --loader DIR      the image-folder loader alone: patches/s of random 256×256 RGB patches (batch 8) read from the
                        photos in DIR with 1 and with 2 decode threads, alternating over 5 rounds in one process
      --stream-memory   memory of streaming a large folder: writes generated 512×512 RGB PNGs into a temporary folder
                        (deleted afterwards) and reads one epoch of random 256×256 patches (batch 8) through the loader
                        alone, first over 1,000 of them, then over all; prints RSS at the end of each quarter of the
                        epoch, the peak within it, and the growth from the first quarter to the last
      --images N        stream-memory mode: images to write (default 10000)
      --precision       float32 against bfloat16, NCHW against channels last: the time of one training step (forward and
                        backward) of a GDN codec's transforms (batch 8 of 256² RGB) and of a DnCNN (batch 16 of 50² grey),
                        alternating the four settings, with each one's loss and output against float32's
      --rounds N        precision mode: timed steps per setting (default 3)
      --precision-training DIR
                        float32 against bfloat16 with float32 master weights in training: DnCNN σ = 25 trained on
                        DIR/bsd400 for the same steps in each, scored on DIR/set12 (DIR: the shared data sets)
      --training-steps N  precision-training mode: steps per precision (default 300)
      --help            this text
    """;

var memory = false;
var stress = false;
var tiles = false;
string? loaderFolder = null;
var streamMemory = false;
var precision = false;
var rounds = 3;
string? precisionTraining = null;
var trainingSteps = 300;
var streamImages = StreamMemoryBenchmark.DefaultImages;
var tileSize = TileOptions.DefaultTileSize;
var overlap = TileOptions.DefaultOverlap;
long steps = 10_000;
var calls = 1_000;
IReadOnlyList<string> families = StressFamilies.Names;
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
            case "--stress": stress = true; break;
            case "--steps": steps = PositiveInt(args, ref i); break;
            case "--calls": calls = PositiveInt(args, ref i); break;
            case "--families" when i + 1 < args.Length: families = StressFamilies.Parse(args[++i]).ToList(); break;
            case "--tiles": tiles = true; break;
            case "--tile": tileSize = PositiveInt(args, ref i); break;
            case "--overlap": overlap = NonNegativeInt(args, ref i); break;
            case "--loader" when i + 1 < args.Length: loaderFolder = args[++i]; break;
            case "--stream-memory": streamMemory = true; break;
            case "--precision": precision = true; break;
            case "--rounds": rounds = PositiveInt(args, ref i); break;
            case "--precision-training" when i + 1 < args.Length: precisionTraining = args[++i]; break;
            case "--training-steps": trainingSteps = PositiveInt(args, ref i); break;
            case "--images": streamImages = PositiveInt(args, ref i); break;
            case "--help" or "-h": Console.WriteLine(usage); return 0;
            default: throw new ArgumentException($"Unknown option '{args[i]}'.");
        }
    }

    if ((memory ? 1 : 0) + (stress ? 1 : 0) + (tiles ? 1 : 0) + (loaderFolder is null ? 0 : 1) + (streamMemory ? 1 : 0) + (precision ? 1 : 0) + (precisionTraining is null ? 0 : 1) > 1)
    {
        throw new ArgumentException("Choose one of --memory, --stress, --tiles, --loader, --stream-memory, --precision and --precision-training.");
    }

    if (!memory && !stress && !tiles && loaderFolder is null && !streamMemory && !precision && precisionTraining is null && args.Length > 0)
    {
        throw new ArgumentException(
            "--epochs and --train-images apply to --memory only; --steps, --calls and --families to --stress only; --tile and --overlap to --tiles only; " +
            "--images to --stream-memory only; --rounds to --precision only; --training-steps to --precision-training only.");
    }
}
catch (Exception e) when (e is ArgumentException or FormatException or OverflowException)
{
    Console.Error.WriteLine(e.Message);
    Console.Error.WriteLine(usage);
    return 2;
}

if (tiles)
{
    return TiledBenchmark.Run(tileSize, overlap);
}

if (loaderFolder is not null)
{
    return LoaderBenchmark.Run(loaderFolder);
}

if (precision)
{
    return PrecisionBenchmark.Run(rounds);
}

if (precisionTraining is not null)
{
    return PrecisionTrainingBenchmark.Run(precisionTraining, trainingSteps);
}

if (streamMemory)
{
    return StreamMemoryBenchmark.Run(streamImages);
}

var root = FindRepositoryRoot();
return stress ? StressBenchmark.Run(root, steps, calls, families)
    : memory ? MemoryBenchmark.Run(root, epochs, trainImages)
    : SpeedBenchmark.Run(root);

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

static int NonNegativeInt(string[] args, ref int i)
{
    if (i + 1 >= args.Length)
    {
        throw new ArgumentException($"Option '{args[i]}' needs a value.");
    }

    var option = args[i];
    var value = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
    return value >= 0 ? value : throw new ArgumentException($"Option '{option}' must not be negative, got {value}.");
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
