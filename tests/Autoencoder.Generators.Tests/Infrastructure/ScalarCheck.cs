using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Autoencoder.Analyzers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Autoencoder.Generators.Tests.Infrastructure;

/// <summary>Runs <see cref="ScalarLifetimeAnalyzer"/> over a compilation, with AutoencoderScalarCheck set as MSBuild would.</summary>
internal static class ScalarCheck
{
    /// <summary>
    /// The analyzer's diagnostics, in source order; <paramref name="scope"/> null leaves the property unset. The analyzer
    /// is the one the build runs unless the test brings its own.
    /// </summary>
    public static IReadOnlyList<Diagnostic> Run(Compilation compilation, string? scope = null, ScalarLifetimeAnalyzer? analyzer = null)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new BuildProperties(scope));
        return compilation
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(analyzer ?? new ScalarLifetimeAnalyzer()), options)
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .OrderBy(d => d.Location.SourceTree?.FilePath, System.StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenByDescending(d => d.Location.SourceSpan.Length)
            .ToList();
    }

    /// <summary>The global options of a build whose AutoencoderScalarCheck property is <c>scope</c> (absent when null).</summary>
    private sealed class BuildProperties : AnalyzerConfigOptionsProvider
    {
        public BuildProperties(string? scope) => GlobalOptions = new Options(scope is null
            ? ImmutableDictionary<string, string>.Empty
            : ImmutableDictionary<string, string>.Empty.Add(ScalarLifetimeAnalyzer.ScopeOption, scope));

        public override AnalyzerConfigOptions GlobalOptions { get; }

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.None;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.None;
    }

    private sealed class Options : AnalyzerConfigOptions
    {
        public static readonly Options None = new(ImmutableDictionary<string, string>.Empty);

        private readonly ImmutableDictionary<string, string> _values;

        public Options(ImmutableDictionary<string, string> values) => _values = values;

        public override bool TryGetValue(string key, out string value)
        {
            var found = _values.TryGetValue(key, out var text);
            value = text ?? string.Empty;
            return found;
        }
    }
}
