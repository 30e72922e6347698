using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Examples;
using Autoencoder.Runtime.Data;
using ReferenceRuns;
using ReferenceRuns.Entries;

// Trains each family member with its documented settings and writes results.md and results.json beside the figures the
// literature reports. Running some entries (--only) replaces their rows and keeps the others'.
string? only = null, data = null;
string output = Path.Combine("out", "reference");
double epochScale = 1;
for (int i = 0; i < args.Length; i++)
{
    string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
    switch (args[i])
    {
        case "--only": only = Next(); break;
        case "--data": data = Next(); break;
        case "--out": output = Next(); break;
        case "--epoch-scale": epochScale = double.Parse(Next(), CultureInfo.InvariantCulture); break;
        case "--list":
            foreach (var e in ReferenceEntries.All)
                Console.WriteLine($"{e.Name,-14} {e.Settings}");
            return 0;
        case "--help" or "-h":
            Console.WriteLine("Usage: ReferenceRuns [--only name[,name...]] [--list] [--epoch-scale F] [--data DIR] [--out DIR]");
            return 0;
        default:
            Console.Error.WriteLine($"Unknown option '{args[i]}'; --help lists the options.");
            return 2;
    }
}

var selected = only is null
    ? ReferenceEntries.All.ToList()
    : only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(name => ReferenceEntries.All.FirstOrDefault(e => e.Name == name)
                        ?? throw new ArgumentException($"No entry '{name}'; --list shows them."))
        .ToList();

using var mnist = MnistDataset.Load(data ?? RepositoryData.FindMnist());
var table = ResultsTable.Load(output);
foreach (var entry in selected)
{
    Console.WriteLine($"== {entry.Name}: {entry.Settings}");
    var context = new ReferenceContext(mnist, Path.Combine(output, entry.Name), epochScale, Console.Out);
    Directory.CreateDirectory(context.OutputDirectory);
    table.Replace(entry.Name, entry.Run(context));
    table.Save(output);
}

Console.WriteLine($"Results: {Path.Combine(output, ResultsTable.MarkdownFile)}");
return 0;
