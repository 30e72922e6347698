using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Autoencoder.Generators;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autoencoder.Fuzz;

/// <summary>
/// Times the generator over 50 models (30 attribute: dense and conv; 20 YAML: dense, the YAML vocabulary has no conv layers)
/// cold, after an unrelated C# edit, and after one YAML file changes; medians of <see cref="Runs"/> runs.
/// </summary>
internal static class GeneratorBenchmark
{
    private const int Runs = 9;
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static int Run()
    {
        var trees = AttributeModels().Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: $"/src/Model{i}.cs")).ToList();
        var unrelated = CSharpSyntaxTree.ParseText(Unrelated(0), ParseOptions, path: "/src/Unrelated.cs");
        var yaml = YamlFiles().ToList();
        var empty = GeneratorHarness.Compile();
        Console.WriteLine($"{trees.Count} attribute models + {yaml.Count} YAML models, {Runs} runs each");

        // Cold: a fresh driver over a fresh compilation (nothing bound yet), as when the IDE opens the project.
        var cold = new List<double>();
        var coldOutputs = 0;
        for (var run = 0; run <= Runs; run++)
        {
            var compilation = empty.AddSyntaxTrees(trees).AddSyntaxTrees(unrelated);
            var clock = Stopwatch.StartNew();
            var driver = CreateDriver(yaml).RunGenerators(compilation);
            clock.Stop();
            coldOutputs = Regenerated(driver);
            Check(driver, 100);
            if (run > 0)
            {
                cold.Add(clock.Elapsed.TotalMilliseconds); // run 0 pays for JIT and metadata; not a generator cost
            }
        }

        var csharpEdit = new List<double>();
        var yamlEdit = new List<double>();
        int csharpOutputs = 0, yamlOutputs = 0;
        {
            var compilation = empty.AddSyntaxTrees(trees).AddSyntaxTrees(unrelated);
            var driver = CreateDriver(yaml).RunGenerators(compilation);
            var current = unrelated;
            var edited = yaml[0];
            for (var run = 1; run <= Runs; run++)
            {
                // An edit to a file with no model: every model output must come from the cache.
                var next = CSharpSyntaxTree.ParseText(Unrelated(run), ParseOptions, path: current.FilePath);
                compilation = compilation.ReplaceSyntaxTree(current, next);
                current = next;
                var clock = Stopwatch.StartNew();
                driver = driver.RunGenerators(compilation);
                csharpEdit.Add(clock.Elapsed.TotalMilliseconds);
                csharpOutputs = Regenerated(driver);

                // One YAML model's epochs change: that model's module and trainer, and nothing else, regenerate.
                var replacement = new InMemoryText(edited.Path, edited.GetText()!.ToString().Replace($"epochs: {run + 19}", $"epochs: {run + 20}"));
                driver = driver.ReplaceAdditionalText(edited, replacement);
                edited = replacement;
                clock.Restart();
                driver = driver.RunGenerators(compilation);
                yamlEdit.Add(clock.Elapsed.TotalMilliseconds);
                yamlOutputs = Regenerated(driver);
                Check(driver, 100);
            }
        }

        Console.WriteLine($"cold:                {Median(cold),8:F1} ms  ({coldOutputs} model(s) emitted)");
        Console.WriteLine($"unrelated C# edit:   {Median(csharpEdit),8:F1} ms  ({csharpOutputs} model(s) re-emitted)");
        Console.WriteLine($"one YAML file edit:  {Median(yamlEdit),8:F1} ms  ({yamlOutputs} model(s) re-emitted)");
        Console.WriteLine($"summary: 50 models, cold {Median(cold):F0} ms / {coldOutputs} models emitted, C# edit {Median(csharpEdit):F1} ms / {csharpOutputs}, YAML edit {Median(yamlEdit):F1} ms / {yamlOutputs} re-emitted (medians of {Runs})");
        return csharpOutputs == 0 && yamlOutputs == 1 ? 0 : 1;
    }

    private static GeneratorDriver CreateDriver(IEnumerable<AdditionalText> yaml) => CSharpGeneratorDriver.Create(
        new[] { new AutoencoderGenerator().AsSourceGenerator() },
        additionalTexts: yaml,
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    // Models whose emit step ran in the last run (each writes a module and a trainer); cached ones cost nothing.
    private static int Regenerated(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedOutputSteps
            .SelectMany(step => step.Value)
            .Where(step => step.Inputs.Any(i => i.Source.Name is "Models" or "YamlModels"))
            .SelectMany(step => step.Outputs)
            .Count(o => o.Reason is IncrementalStepRunReason.New or IncrementalStepRunReason.Modified);

    // 50 valid models must give 100 sources and no error; otherwise the timings measure something else.
    private static void Check(GeneratorDriver driver, int sources)
    {
        var result = driver.GetRunResult().Results.Single();
        if (result.Exception is not null || result.GeneratedSources.Length != sources || result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            throw new InvalidOperationException($"benchmark models are broken: {result.GeneratedSources.Length} sources, {string.Join("; ", result.Diagnostics)}{result.Exception}");
        }
    }

    private static IEnumerable<string> AttributeModels()
    {
        var seeds = new[] { ("MnistAutoencoder", Models.Classic), ("DeepAutoencoder", Models.Deep), ("ConvAutoencoder", Models.Conv), ("PooledAutoencoder", Models.Pooled), ("Tiny", Models.Nested) };
        for (var i = 0; i < 30; i++)
        {
            var (name, text) = seeds[i % seeds.Length];
            yield return text.Replace("class " + name, "class " + name + "A" + i);
        }
    }

    private static IEnumerable<InMemoryText> YamlFiles()
    {
        var seeds = new[] { ("MnistAutoencoder", YamlModels.Classic), ("DeepAutoencoder", YamlModels.Deep), ("Tiny", YamlModels.Tiny) };
        for (var i = 0; i < 20; i++)
        {
            var (name, text) = seeds[i % seeds.Length];
            yield return new InMemoryText($"/src/model{i}.ae.yaml", text.Replace("name: " + name, "name: " + name + "Y" + i));
        }
    }

    private static string Unrelated(int version) => $"namespace Other {{ internal static class Unrelated {{ public const int Version = {version}; }} }}";

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
