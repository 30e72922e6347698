using System;
using System.IO;
using System.Linq;
using Autoencoder.Generators.FrontEnds;
using Autoencoder.Generators.FrontEnds.Yaml;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Autoencoder.Generators;

/// <summary>
/// Wires the pipeline and nothing else: front-end → <see cref="Spec.ModelSpec"/> → analysis (validation and
/// shapes) → emitter. Diagnostics and code are separate outputs, so a model that only moved in its file
/// re-reports diagnostics at the new place without regenerating code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class AutoencoderGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var declared = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                FrontEnds.AttributeNames.Autoencoder,
                static (node, _) => node is ClassDeclarationSyntax,
                static (ctx, ct) => Guard(ctx.TargetSymbol.Name, () => AttributeFrontEnd.Parse(ctx, ct)))
            .WithTrackingName(TrackingNames.AttributeModels);

        // YAML models run through their own branch of the same steps: values providers cannot be concatenated
        // without collecting them, and collecting would rerun every model when one file changes.
        var yamlDeclared = context.AdditionalTextsProvider
            .Where(static file => file.Path.EndsWith(YamlFrontEnd.Extension, StringComparison.OrdinalIgnoreCase))
            .WithTrackingName(TrackingNames.YamlFiles)
            .Select(static (file, ct) => Guard(Path.GetFileName(file.Path), () => YamlFrontEnd.Parse(file.Path, file.GetText(ct) ?? SourceText.From(string.Empty), ct)))
            .WithTrackingName(TrackingNames.YamlParsed);

        // Which classes each declaration makes, as plain equatable values: these change only when a name or
        // file does, so an edited layer reruns no other model.
        var claims = declared.Select(static (parsed, _) => ModelClaim.Of(parsed))
            .Collect()
            .Combine(yamlDeclared.Select(static (parsed, _) => ModelClaim.Of(parsed)).Collect())
            .Select(static (pair, _) => pair.Left.AddRange(pair.Right).Where(c => c is not null).Select(c => c!).ToEquatableArray())
            .WithTrackingName(TrackingNames.YamlClaims);

        var yamlUnique = yamlDeclared.Combine(claims)
            .Select(static (pair, _) => ModelClaim.RejectDuplicate(pair.Left, pair.Right))
            .WithTrackingName(TrackingNames.YamlUnique);

        RegisterOutputs(context, declared, string.Empty);
        RegisterOutputs(context, yamlUnique, TrackingNames.YamlPrefix);
    }

    private static void RegisterOutputs(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ModelParseResult> declared, string prefix)
    {
        var analyzed = declared
            .Select(static (parsed, _) => Analyze(parsed))
            .WithTrackingName(prefix + TrackingNames.AnalyzedModels);

        var diagnostics = analyzed
            .Select(static (result, _) => result.Diagnostics)
            .WithTrackingName(prefix + TrackingNames.Diagnostics);

        var models = analyzed
            .Select(static (result, _) => result.Model)
            .WithTrackingName(prefix + TrackingNames.Models);

        var fallbacks = analyzed
            .Select(static (result, _) => result.Fallback)
            .WithTrackingName(prefix + TrackingNames.Fallbacks);

        context.RegisterSourceOutput(fallbacks, static (spc, fallback) =>
        {
            if (fallback is null)
            {
                return;
            }

            string source;
            try
            {
                source = ErrorFallbackEmitter.Emit(fallback);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, fallback.Type.Name, e.GetType().Name + ": " + e.Message));
                return;
            }

            spc.AddSource(TypeScaffold.HintName(fallback.Type, "Errors"), source);
        });

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(item.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            if (model is null)
            {
                return;
            }

            string module, trainer;
            try
            {
                module = ModelEmitter.Emit(model);
                trainer = TrainerEmitter.Emit(model);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InternalError, Location.None, model.Type.Name, e.GetType().Name + ": " + e.Message));
                return;
            }

            spc.AddSource(TypeScaffold.HintName(model.Type, "Module"), module);
            spc.AddSource(TypeScaffold.HintName(model.Type, "Trainer"), trainer);
        });
    }

    private static AnalysisResult Analyze(ModelParseResult parsed)
    {
        if (parsed.Spec is null)
        {
            return new AnalysisResult(null, parsed.Diagnostics);
        }

        var spec = parsed.Spec;
        var analysis = Guard(spec.Type.Name, () => ModelAnalyzer.Analyze(spec), spec.Location);
        var all = parsed.Diagnostics.Concat(analysis.Diagnostics);

        // Front-end errors (say, a wrong signature) make the model unusable even if its layers are fine.
        var model = parsed.Diagnostics.Any(d => d.IsError) ? null : analysis.Model;
        if (model is not null)
        {
            return new AnalysisResult(model, all);
        }

        // The stand-in surface, so that the user's code that uses the model adds no errors to ours (an internal error included).
        try
        {
            return new AnalysisResult(null, all) { Fallback = ErrorFallback.From(spec, all) };
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AnalysisResult(null, all.Concat(EquatableArray.Create(InternalError(spec.Type.Name, e, spec.Location))));
        }
    }

    // The generator must never throw: an escaped exception costs the user every generated file (CS8785).
    private static ModelParseResult Guard(string name, Func<ModelParseResult> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new ModelParseResult(null, EquatableArray.Create(InternalError(name, e, null)));
        }
    }

    private static AnalysisResult Guard(string name, Func<AnalysisResult> analyze, LocationInfo? location)
    {
        try
        {
            return analyze();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new AnalysisResult(null, EquatableArray.Create(InternalError(name, e, location)));
        }
    }

    private static DiagnosticInfo InternalError(string name, Exception e, LocationInfo? location)
        => DiagnosticInfo.Create(DiagnosticDescriptors.InternalError, location, name, e.GetType().Name + ": " + e.Message);
}
