using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>The pipeline caches: unchanged or unrelated input reruns nothing, and no step output holds a symbol.</summary>
public class IncrementalTests
{
    private static readonly string[] Steps = { "AttributeModels", "AnalyzedModels", "Diagnostics", "Models", "Fallbacks" };

    [Theory]
    [InlineData(nameof(Models.Classic))]
    [InlineData(nameof(Models.Pooled))]
    [InlineData(nameof(Models.Normed))]
    [InlineData(nameof(Models.Controlled))]
    public void Second_run_on_the_same_compilation_is_fully_cached(string model)
    {
        var compilation = GeneratorHarness.Compile(ModelSource(model));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(compilation.Clone());

        foreach (var step in Steps)
        {
            Reasons(driver, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, step);
        }
    }

    [Fact]
    public void Unrelated_edit_regenerates_nothing()
    {
        var compilation = GeneratorHarness.Compile(Models.Classic, "namespace Other { public class Helper { } }");
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var other = compilation.SyntaxTrees.Single(t => t.FilePath != GeneratorHarness.ModelPath);
        var edited = compilation.ReplaceSyntaxTree(other, CSharpSyntaxTree.ParseText(
            "namespace Other { public class Helper { public int Value; } }", (CSharpParseOptions)other.Options, other.FilePath));
        driver = driver.RunGenerators(edited);

        foreach (var step in Steps)
        {
            Reasons(driver, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, step);
        }

        OutputReasons(driver).ShouldNotBeEmpty();
        OutputReasons(driver).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Theory]
    [InlineData(nameof(Models.Classic))]
    [InlineData(nameof(Models.Pooled))]
    [InlineData(nameof(Models.Normed))]
    [InlineData(nameof(Models.Controlled))]
    public void Moving_a_valid_declaration_does_not_regenerate_code(string model)
    {
        var compilation = GeneratorHarness.Compile(ModelSource(model));
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        driver = driver.RunGenerators(Prepend(compilation, "// a comment that shifts every line\n"));

        // The declaration's locations changed, but nothing derived from it without locations did.
        Reasons(driver, "AttributeModels").ShouldContain(IncrementalStepRunReason.Modified);
        Reasons(driver, "Models").ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
        OutputReasons(driver).ShouldNotContain(IncrementalStepRunReason.Modified);
    }

    [Fact]
    public void Moving_an_invalid_declaration_reports_its_error_at_the_new_place()
    {
        var broken = Models.Classic.Replace("[Unflatten(1, 28, 28)]", string.Empty);
        var compilation = GeneratorHarness.Compile(broken);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);
        var before = driver.GetRunResult().Diagnostics.Single(d => d.Id == "AE0008").Location.GetLineSpan().StartLinePosition.Line;

        driver = driver.RunGenerators(Prepend(compilation, "// one more line\n"));

        Reasons(driver, "Diagnostics").ShouldContain(IncrementalStepRunReason.Modified);
        driver.GetRunResult().Diagnostics.Single(d => d.Id == "AE0008").Location.GetLineSpan().StartLinePosition.Line.ShouldBe(before + 1);
    }

    private static Compilation Prepend(Compilation compilation, string text)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.FilePath == GeneratorHarness.ModelPath);
        return compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(text + tree.GetText(), (CSharpParseOptions)tree.Options, tree.FilePath));
    }

    [Fact]
    public void Editing_a_layer_regenerates_that_model()
    {
        var compilation = GeneratorHarness.Compile(Models.Classic);
        var driver = GeneratorHarness.CreateDriver().RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Models.Classic.Replace("Dense(32, Activation.ReLU)", "Dense(64, Activation.ReLU)"), (CSharpParseOptions)tree.Options, tree.FilePath));
        driver = driver.RunGenerators(edited);

        Reasons(driver, "Models").ShouldContain(IncrementalStepRunReason.Modified);
        driver.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName.EndsWith(".Module.g.cs", StringComparison.Ordinal))
            .SourceText.ToString().ShouldContain("Linear(784, 64, hasBias: true)");
    }

    [Fact]
    public void No_step_output_holds_a_symbol_syntax_node_or_compilation()
    {
        var driver = GeneratorHarness.CreateDriver().RunGenerators(GeneratorHarness.Compile(Models.Classic, Models.Deep, Models.Conv, Models.Pooled, Models.Normed, Models.Controlled));
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;

        foreach (var step in Steps)
        {
            steps.ShouldContainKey(step);
            foreach (var run in steps[step])
            {
                foreach (var (value, _) in run.Outputs)
                {
                    AssertNoRoslynObjects(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
                }
            }
        }
    }

    private static string ModelSource(string name) => (string)typeof(Models).GetField(name)!.GetValue(null)!;

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        steps.ShouldContainKey(step);
        return steps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
    }

    private static IncrementalStepRunReason[] OutputReasons(GeneratorDriver driver)
        => driver.GetRunResult().Results.Single().TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();

    // Reflection is fine in a test: walk the object graph of a step's output.
    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        (value is ISymbol || value is SyntaxNode || value is Compilation || value is SemanticModel || value is Location || value is SyntaxTree)
            .ShouldBeFalse(path + " holds a " + value.GetType().Name);

        if (value is DiagnosticDescriptor)
        {
            return; // Static, immutable, and shared by every run: not a cache hazard.
        }

        if (value is IEnumerable items)
        {
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, path + "[]", seen);
            }
        }

        foreach (var field in value.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
