using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Examples;
using Autoencoder.Runtime.Data;
using Autoencoder.Runtime.Torch;
using Autoencoder.Runtime.Training;
using ReferenceRuns;
using ReferenceRuns.Entries;

// Trains each family member with its documented settings and writes results.md and results.json beside the figures the
// literature reports. Running some entries (--only) replaces their rows and keeps the others'.
const string Usage = """
    Usage: ReferenceRuns [options]

    Trains each reference entry with its documented settings and writes results.md and results.json
    (an entry's rows replace its earlier ones; other entries' rows are kept).

    Options:
      --only NAME[,NAME...]  run only these entries (--list shows the names)
      --list                 list the entries and their settings, then exit
      --epoch-scale F        multiply every documented epoch count by F (> 0; e.g. 0.1 for a smoke run)
      --threads N            threads TorchSharp uses within one operation (default: TorchSharp's choice)
      --collector            train beside a thread that forces garbage collections back to back (the proof that no
                             number reaches libtorch as a Scalar a collection could free mid-call); much slower
      --data DIR             the four MNIST IDX files (default: the repository's data/mnist)
      --datasets DIR         the shared photograph sets, for kodak and bsd68 (default: ../shared/datasets beside
                             the repository, when it exists)
      --device cpu|cuda      where the photograph entries train (default: cpu)
      --precision float32|bfloat16
                             the number format of the denoisers' training steps (bsd68, colour-denoise; default
                             float32): bfloat16 computes them in a bfloat16 copy and updates float32 weights
      --out DIR              where results and each entry's files go (default: out/reference)
      --trained DIR          models trained before (DIR/<entry>/, e.g. examples/ReferenceRuns/Trained): one that
                             reached its documented length is scored again, not retrained
      --help, -h             show this help
    """;

string? only = null, data = null, datasets = null;
var device = TrainingDevice.Cpu;
var precision = TrainingPrecision.Float32;
string output = Path.Combine("out", "reference");
double epochScale = 1;
int? threads = null;
string? trained = null;
bool collector = false;
List<IReferenceEntry> selected;
try
{
    for (int i = 0; i < args.Length; i++)
    {
        string option = args[i];
        string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{option} needs a value.");
        switch (option)
        {
            case "--only": only = Next(); break;
            case "--data": data = Next(); break;
            case "--datasets": datasets = Next(); break;
            case "--device":
                string name = Next();
                device = name switch
                {
                    "cpu" => TrainingDevice.Cpu,
                    "cuda" => TrainingDevice.Cuda,
                    _ => throw new ArgumentException($"{option} takes cpu or cuda, got '{name}'."),
                };
                break;
            case "--precision":
                string format = Next();
                precision = format switch
                {
                    "float32" => TrainingPrecision.Float32,
                    "bfloat16" => TrainingPrecision.BFloat16,
                    _ => throw new ArgumentException($"{option} takes float32 or bfloat16, got '{format}'."),
                };
                break;
            case "--out": output = Next(); break;
            case "--trained": trained = Next(); break;
            case "--epoch-scale":
                epochScale = ParsePositive(Next(), option);
                break;
            case "--threads":
                string count = Next();
                threads = int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int n) && n > 0
                    ? n
                    : throw new ArgumentException($"{option} needs a positive whole number, got '{count}'.");
                break;
            case "--collector": collector = true; break;
            case "--list":
                foreach (var e in ReferenceEntries.All)
                    Console.WriteLine($"{e.Name,-14} {e.Settings}");
                return 0;
            case "--help" or "-h":
                Console.WriteLine(Usage);
                return 0;
            default:
                throw new ArgumentException($"Unknown option '{option}'; --help lists the options.");
        }
    }

    selected = only is null
        ? ReferenceEntries.All.ToList()
        : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => ReferenceEntries.All.FirstOrDefault(e => e.Name == name)
                            ?? throw new ArgumentException(
                                $"No entry '{name}'; the entries are {string.Join(", ", ReferenceEntries.All.Select(e => e.Name))}."))
            .ToList();
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 2;
}

MnistDataset mnist;
ResultsTable table;
try
{
    mnist = MnistDataset.Load(data ?? RepositoryData.FindMnist());
    // Read now so that a malformed table stops the run before hours of training, not after.
    table = ResultsTable.Load(output);
}
catch (IOException e)
{
    // Missing or malformed MNIST files (the message names the file), or an unreadable results table.
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}

using (mnist)
using (var pressure = collector ? new CollectionPressure() : null)
{
    foreach (var entry in selected)
    {
        Console.WriteLine($"== {entry.Name}: {entry.Settings}");
        var context = new ReferenceContext(mnist, Path.Combine(output, entry.Name), epochScale, Console.Out) { Threads = threads, Device = device, Precision = precision, Datasets = datasets ?? RepositoryData.FindSharedDatasets(), TrainedDirectory = trained is null ? null : Path.Combine(trained, entry.Name) };
        Directory.CreateDirectory(context.OutputDirectory);
        var time = Stopwatch.StartNew();
        var rows = entry.Run(context);
        // Read again: another run writing to the same folder (another entry, in parallel) may have saved rows meanwhile.
        table = ResultsTable.Load(output);
        table.Replace(entry.Name, rows);
        table.Save(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {entry.Name} done in {time.Elapsed.TotalMinutes:F1} min"));
        if (pressure is not null)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"== {pressure.Collections:N0} forced collections so far"));
    }
}

Console.WriteLine($"Results: {Path.Combine(output, ResultsTable.MarkdownFile)}");
return 0;

static double ParsePositive(string text, string option) =>
    double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && value > 0 && double.IsFinite(value)
        ? value
        : throw new ArgumentException($"{option} needs a positive number, got '{text}'.");
