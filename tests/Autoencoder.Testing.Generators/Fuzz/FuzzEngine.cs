using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Autoencoder.Generators;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Autoencoder.Fuzz;

/// <summary>What one mutated input did to the generator.</summary>
internal enum Outcome
{
    /// <summary>Generated code that compiles, or errors for an input that had some.</summary>
    Fine,

    /// <summary>(a) The generator threw, or reported AE9999.</summary>
    GeneratorException,

    /// <summary>(b) A model declaration with no error anywhere, yet no module code: the user is told nothing.</summary>
    SilentlyIgnored,

    /// <summary>(c) The input compiled and the generator accepted it, but its output does not compile; or the stand-ins of a rejected model do not.</summary>
    BrokenOutput,
}

internal sealed record FuzzCase(int Index, string Seed, bool Yaml, string Input, Outcome Outcome, string Detail);

internal sealed class FuzzSummary
{
    public int Cases { get; init; }

    public int GeneratorExceptions { get; init; }

    public int SilentlyIgnored { get; init; }

    public int BrokenOutputs { get; init; }

    /// <summary>Cases that generated module code (the rest were rejected with errors).</summary>
    public int Accepted { get; init; }

    public IReadOnlyList<FuzzCase> Failures { get; init; } = Array.Empty<FuzzCase>();

    public bool Clean => GeneratorExceptions == 0 && SilentlyIgnored == 0 && BrokenOutputs == 0;
}

/// <summary>Mutates the valid seed models of the test infrastructure and classifies what the generator makes of each.</summary>
internal static class FuzzEngine
{
    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly IReadOnlyList<(string Name, string Text, bool Yaml)> Seeds = new[]
    {
        ("Classic", Models.Classic, false),
        ("Deep", Models.Deep, false),
        ("Nested", Models.Nested, false),
        ("Conv", Models.Conv, false),
        ("Pooled", Models.Pooled, false),
        ("Residual", Models.Residual, false),
        ("Normed", Models.Normed, false),
        ("Controlled", Models.Controlled, false),
        ("Pixel", Models.Pixel, false),
        ("Hyperprior", Models.Hyperprior, false),
        ("Classic.ae.yaml", YamlModels.Classic, true),
        ("Deep.ae.yaml", YamlModels.Deep, true),
        ("Tiny.ae.yaml", YamlModels.Tiny, true),
        ("Conv.ae.yaml", YamlModels.Conv, true),
        ("Pooled.ae.yaml", YamlModels.Pooled, true),
        ("Residual.ae.yaml", YamlModels.Residual, true),
        ("Normed.ae.yaml", YamlModels.Normed, true),
        ("Controlled.ae.yaml", YamlModels.Controlled, true),
        ("Pixel.ae.yaml", YamlModels.Pixel, true),
        ("Hyperprior.ae.yaml", YamlModels.Hyperprior, true),
    };

    // One compilation holds the references; each case adds only its own tree, so metadata is bound once.
    private static readonly Lazy<CSharpCompilation> Empty = new(() => GeneratorHarness.Compile());
    private static readonly Lazy<SyntaxTree> UsingsTree = new(() => CSharpSyntaxTree.ParseText(Models.Usings, ParseOptions, path: "/src/Usings.cs"));

    /// <summary>Runs cases [0, count) of <paramref name="seed"/> on all cores; a case depends only on (seed, index), so any one can be replayed alone.</summary>
    public static FuzzSummary Run(int seed, int count, int maxFailures = 5, Action<int>? progress = null)
    {
        var results = new Outcome[count];
        var failures = new ConcurrentBag<FuzzCase>();
        var accepted = 0;
        var done = 0;
        Parallel.For(0, count, i =>
        {
            var result = RunCase(seed, i, out var generatedModule);
            results[i] = result.Outcome;
            if (generatedModule)
            {
                Interlocked.Increment(ref accepted);
            }

            if (result.Outcome != Outcome.Fine)
            {
                failures.Add(result);
            }

            progress?.Invoke(Interlocked.Increment(ref done));
        });

        return new FuzzSummary
        {
            Cases = count,
            GeneratorExceptions = results.Count(r => r == Outcome.GeneratorException),
            SilentlyIgnored = results.Count(r => r == Outcome.SilentlyIgnored),
            BrokenOutputs = results.Count(r => r == Outcome.BrokenOutput),
            Accepted = accepted,
            Failures = failures.OrderBy(f => f.Index).Take(maxFailures).ToList(),
        };
    }

    public static FuzzCase RunCase(int seed, int index, out bool generatedModule)
    {
        // Distinct, reproducible stream per case, independent of thread scheduling.
        var random = new Random(unchecked((seed * 1_000_003) ^ index));
        var (name, text, yaml) = Seeds[random.Next(Seeds.Count)];
        var input = Mutator.Mutate(text, yaml, random);
        var (outcome, detail) = yaml ? ClassifyYaml(input, out generatedModule) : ClassifyCSharp(input, out generatedModule);
        return new FuzzCase(index, name, yaml, input, outcome, detail);
    }

    public static (Outcome, string) ClassifyCSharp(string source, out bool generatedModule)
    {
        var tree = CSharpSyntaxTree.ParseText(source, ParseOptions, path: GeneratorHarness.ModelPath);
        var compilation = Empty.Value.AddSyntaxTrees(tree);
        return Classify(compilation, Array.Empty<AdditionalText>(), () => DeclaresModel(tree), out generatedModule);
    }

    public static (Outcome, string) ClassifyYaml(string yaml, out bool generatedModule)
    {
        var compilation = Empty.Value.AddSyntaxTrees(UsingsTree.Value);
        return Classify(compilation, new AdditionalText[] { new InMemoryText(GeneratorHarness.YamlPath, yaml) }, () => true, out generatedModule);
    }

    private static (Outcome, string) Classify(CSharpCompilation input, AdditionalText[] additionalTexts, Func<bool> declaresModel, out bool generatedModule)
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new[] { new AutoencoderGenerator().AsSourceGenerator() }, additionalTexts: additionalTexts, parseOptions: ParseOptions);
        driver = driver.RunGeneratorsAndUpdateCompilation(input, out var output, out _);
        var result = driver.GetRunResult().Results.Single();

        generatedModule = result.GeneratedSources.Any(s => s.HintName.EndsWith(".Module.g.cs", StringComparison.Ordinal));
        if (result.Exception is not null)
        {
            return (Outcome.GeneratorException, result.Exception.ToString());
        }

        if (result.Diagnostics.FirstOrDefault(d => d.Id == "AE9999") is { } internalError)
        {
            return (Outcome.GeneratorException, internalError.ToString());
        }

        var ourErrors = result.Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        if (generatedModule)
        {
            // Compile once with the output; only when that fails is the input alone worth binding.
            var outputErrors = Errors(output);
            if (outputErrors.Count > 0 && Errors(input).Count == 0)
            {
                return (Outcome.BrokenOutput, string.Join("\n", outputErrors.Take(5)));
            }

            return (Outcome.Fine, string.Empty);
        }

        // A model with errors gets stand-ins (<Model>.Errors.g.cs), which must compile whatever the declaration. An error in
        // them is broken output, unless a #line puts it at the user's code: the CS0246 of a type the user's declaration does
        // not resolve either, which the stand-in repeats to match it.
        if (result.GeneratedSources.Any(s => s.HintName.EndsWith(".Errors.g.cs", StringComparison.Ordinal)))
        {
            var inStandIns = Errors(output)
                .Where(d => d.Location.SourceTree is { } tree && !input.SyntaxTrees.Contains(tree) && !d.Location.GetMappedLineSpan().HasMappedPath)
                .ToList();
            if (inStandIns.Count > 0)
            {
                return (Outcome.BrokenOutput, string.Join("\n", inStandIns.Take(5)));
            }
        }

        if (!ourErrors && declaresModel() && Errors(input).Count == 0)
        {
            return (Outcome.SilentlyIgnored, "no module, no AE error, no compiler error; generated: " + string.Join(", ", result.GeneratedSources.Select(s => s.HintName)));
        }

        return (Outcome.Fine, string.Empty);
    }

    private static List<Diagnostic> Errors(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToList();

    // Syntactic on purpose: a class carrying [Autoencoder] asks for a model, even when binding fails.
    private static bool DeclaresModel(SyntaxTree tree)
        => tree.GetRoot().DescendantNodes().OfType<ClassDeclarationSyntax>()
            .SelectMany(c => c.AttributeLists.SelectMany(l => l.Attributes))
            .Any(a => a.Name.ToString() is "Autoencoder" or "AutoencoderAttribute" or "Autoencoder.Autoencoder" or "Autoencoder.AutoencoderAttribute");
}
