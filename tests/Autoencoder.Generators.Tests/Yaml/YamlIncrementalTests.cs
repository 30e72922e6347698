using System;
using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>Each YAML file is its own pipeline item: editing one regenerates that model only; C# edits regenerate none.</summary>
public class YamlIncrementalTests
{
    private static readonly string[] YamlSteps = { "YamlFiles", "YamlParsed", "YamlClaims", "YamlUnique", "YamlAnalyzedModels", "YamlDiagnostics", "YamlModels", "YamlFallbacks" };

    private static readonly InMemoryText Classic = new("/src/classic.ae.yaml", YamlModels.Classic);
    private static readonly InMemoryText Tiny = new("/src/tiny.ae.yaml", YamlModels.Tiny);

    [Fact]
    public void Editing_one_yaml_file_regenerates_only_its_model()
    {
        var compilation = GeneratorHarness.Compile(Models.Usings);
        var driver = GeneratorHarness.CreateDriver(Classic, Tiny).RunGenerators(compilation);
        var tinyBefore = Source(driver, "Tiny.Module.g.cs");

        driver = driver.ReplaceAdditionalText(Classic, new InMemoryText(Classic.Path, YamlModels.Classic.Replace("units: 32", "units: 64")))
            .RunGenerators(compilation);

        Reasons(driver, "YamlParsed").Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        Reasons(driver, "YamlModels").Count(r => r == IncrementalStepRunReason.Modified).ShouldBe(1);
        Reasons(driver, "YamlModels").Count(r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged).ShouldBe(1);
        Source(driver, "MnistAutoencoder.Module.g.cs").ShouldContain("Linear(784, 64, hasBias: true)");
        Source(driver, "Tiny.Module.g.cs").ShouldBe(tinyBefore);
    }

    [Fact]
    public void Editing_unrelated_csharp_regenerates_no_yaml_model()
    {
        var compilation = GeneratorHarness.Compile(Models.Usings + "namespace Other { public class Helper { } }");
        var driver = GeneratorHarness.CreateDriver(Classic, Tiny).RunGenerators(compilation);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Models.Usings + "namespace Other { public class Helper { public int Value; } }", (CSharpParseOptions)tree.Options, tree.FilePath));
        driver = driver.RunGenerators(edited);

        foreach (var step in YamlSteps)
        {
            Reasons(driver, step).ShouldNotBeEmpty(step);
            Reasons(driver, step).ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged, step);
        }
    }

    [Fact]
    public void A_comment_that_moves_every_line_does_not_regenerate_code()
    {
        var compilation = GeneratorHarness.Compile(Models.Usings);
        var driver = GeneratorHarness.CreateDriver(Classic).RunGenerators(compilation);

        driver = driver.ReplaceAdditionalText(Classic, new InMemoryText(Classic.Path, "# the classic model\n" + YamlModels.Classic))
            .RunGenerators(compilation);

        // The parse changed (its locations moved); nothing derived from it without locations did.
        Reasons(driver, "YamlParsed").ShouldBe(new[] { IncrementalStepRunReason.Modified });
        Reasons(driver, "YamlModels").ShouldAllBe(r => r == IncrementalStepRunReason.Cached || r == IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Files_that_are_not_ae_yaml_are_ignored()
    {
        var run = GeneratorHarness.CreateDriver(new InMemoryText("/src/settings.yaml", YamlModels.Classic))
            .RunGenerators(GeneratorHarness.Compile(Models.Usings));

        run.GetRunResult().Results.Single().GeneratedSources.ShouldBeEmpty();
    }

    private static string Source(GeneratorDriver driver, string hintSuffix)
        => driver.GetRunResult().Results.Single().GeneratedSources
            .Single(s => s.HintName.EndsWith(hintSuffix, StringComparison.Ordinal)).SourceText.ToString();

    private static IncrementalStepRunReason[] Reasons(GeneratorDriver driver, string step)
    {
        var steps = driver.GetRunResult().Results.Single().TrackedSteps;
        steps.ShouldContainKey(step);
        return steps[step].SelectMany(s => s.Outputs).Select(o => o.Reason).ToArray();
    }
}
