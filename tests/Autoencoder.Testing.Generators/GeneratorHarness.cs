using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>Runs the generator the way the compiler does, with step tracking on, over real references.</summary>
internal static class GeneratorHarness
{
    public const string ModelPath = "/src/Models.cs";

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    // The framework, TorchSharp, the attributes and the runtime: what a real consumer compiles against. TorchSharp and
    // the runtime are those of the program running the harness (its test project references them; this library does
    // not, so that it stays free of TorchSharp), loaded by name as they would be by a type of theirs.
    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p).StartsWith("System.", StringComparison.Ordinal) || Path.GetFileName(p) is "mscorlib.dll" or "netstandard.dll");
        var ours = new[]
        {
            Assembly.Load("TorchSharp").Location,
            typeof(AutoencoderAttribute).Assembly.Location,
            Assembly.Load("Autoencoder.Runtime").Location,
        };
        return platform.Concat(ours).Distinct().Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToImmutableArray();
    });

    public static CSharpCompilation Compile(params string[] sources)
        => CSharpCompilation.Create(
            "GeneratorTests",
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: i == 0 ? ModelPath : "/src/Other" + i + ".cs")),
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)
                .WithSpecificDiagnosticOptions(SdkNoWarn));

    // What the .NET SDK suppresses in every C# build (NoWarn 1701;1702): TorchSharp was built against .NET 8's
    // System.Runtime.Numerics, and binding a call whose overloads take a Complex (ScalarExtensionMethods.ToScalar) unifies it.
    private static readonly ImmutableDictionary<string, ReportDiagnostic> SdkNoWarn = ImmutableDictionary<string, ReportDiagnostic>.Empty
        .Add("CS1701", ReportDiagnostic.Suppress)
        .Add("CS1702", ReportDiagnostic.Suppress);

    public const string YamlPath = "/src/model.ae.yaml";

    public static GeneratorDriver CreateDriver(params AdditionalText[] additionalTexts) => CSharpGeneratorDriver.Create(
        new[] { new AutoencoderGenerator().AsSourceGenerator() },
        additionalTexts: additionalTexts,
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator on one YAML model (at <see cref="YamlPath"/>) and C# sources, the usings by default.</summary>
    public static GeneratorOutput RunYaml(string yaml, params string[] sources)
    {
        var compilation = Compile(sources.Length == 0 ? new[] { Models.Usings } : sources);
        var driver = CreateDriver(new InMemoryText(YamlPath, yaml)).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutput(driver, compilation, output, generatorDiagnostics);
    }

    public static GeneratorOutput Run(params string[] sources)
    {
        var compilation = Compile(sources);
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutput(driver, compilation, output, generatorDiagnostics);
    }
}

internal sealed record GeneratorOutput(
    GeneratorDriver Driver,
    Compilation Input,
    Compilation Output,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    public GeneratorRunResult Result => Driver.GetRunResult().Results.Single();

    public IReadOnlyList<GeneratedSourceResult> Sources => Result.GeneratedSources;

    public string Source(string hintSuffix) => Sources.Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();

    /// <summary>Every error or warning of the user's code plus the generated code, after generation.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems => Output.GetDiagnostics()
        .Where(d => d.Severity >= DiagnosticSeverity.Warning)
        .ToList();
}
