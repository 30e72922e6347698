using System.Linq;
using Autoencoder.Generators.FrontEnds;
using Autoencoder.Generators.Spec;
using Autoencoder.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>A YAML model lowers to the same spec as its attribute twin, so it generates the same code.</summary>
public class YamlGeneratedCodeTests
{
    [Theory]
    [InlineData("Classic", "Examples.MnistAutoencoder", "public")]
    [InlineData("Deep", "Examples.Deep.DeepAutoencoder", "internal")]
    [InlineData("Tiny", "Tiny", "public")]
    [InlineData("Conv", "Examples.Conv.ConvAutoencoder", "public")]
    [InlineData("Pooled", "Examples.Conv.PooledAutoencoder", "public")]
    [InlineData("Residual", "Examples.Residual.ResidualAutoencoder", "public")]
    [InlineData("Normed", "Examples.Norm.NormedAutoencoder", "public")]
    [InlineData("Pixel", "Examples.Pixel.PixelAutoencoder", "public")]
    [InlineData("Controlled", "Examples.Controls.ControlledAutoencoder", "public")]
    public void Yaml_and_attribute_twins_generate_the_same_code(string model, string fullName, string accessibility)
    {
        var (yaml, attributes) = model switch
        {
            "Classic" => (YamlModels.Classic, YamlModels.ClassicAttributes),
            "Deep" => (YamlModels.Deep, YamlModels.DeepAttributes),
            "Conv" => (YamlModels.Conv, YamlModels.ConvAttributes),
            "Pooled" => (YamlModels.Pooled, YamlModels.PooledAttributes),
            "Residual" => (YamlModels.Residual, YamlModels.ResidualAttributes),
            "Normed" => (YamlModels.Normed, YamlModels.NormedAttributes),
            "Pixel" => (YamlModels.Pixel, YamlModels.PixelAttributes),
            "Controlled" => (YamlModels.Controlled, YamlModels.ControlledAttributes),
            _ => (YamlModels.Tiny, YamlModels.TinyAttributes),
        };

        var fromYaml = GeneratorHarness.RunYaml(yaml);
        var fromAttributes = GeneratorHarness.Run(attributes);

        AssertCompilesCleanly(fromYaml);
        fromYaml.Sources.Select(s => s.HintName).ShouldBe(new[] { fullName + ".Module.g.cs", fullName + ".Trainer.g.cs" });
        var name = fullName.Split('.').Last();
        fromYaml.Source(".Trainer.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Trainer.g.cs"), name, accessibility));
        fromYaml.Source(".Module.g.cs").ShouldBe(YamlTwin.AsIfNotDeclaredByUser(fromAttributes.Source(".Module.g.cs"), name, accessibility));
    }

    [Fact]
    public void Yaml_and_attributes_lower_the_training_controls_to_equal_specs()
    {
        var fromYaml = ParsedSpec(GeneratorHarness.RunYaml(YamlModels.Controlled), "YamlParsed").Training;
        var fromAttributes = ParsedSpec(GeneratorHarness.Run(YamlModels.ControlledAttributes), "AttributeModels").Training;

        fromYaml.EarlyStopping.ShouldNotBeNull();
        fromYaml.Schedule.ShouldNotBeNull();
        WithoutLocations(fromYaml).ShouldBe(WithoutLocations(fromAttributes));
    }

    [Fact]
    public void Yaml_model_generates_module_and_trainer()
    {
        var run = GeneratorHarness.RunYaml(YamlModels.Classic);

        AssertCompilesCleanly(run);
        Snapshot.Match(run.Source(".Module.g.cs"), "YamlClassic.Module");
        Snapshot.Match(run.Source(".Trainer.g.cs"), "YamlClassic.Trainer");
    }

    [Fact]
    public void Yaml_model_is_usable_from_csharp_as_a_public_module()
    {
        var use = Models.Usings + """
            public static class Use
            {
                public static Tensor Run(Examples.MnistAutoencoder model, Tensor x) => model.Decode(model.Encode(x));
                public static long Count => Examples.MnistAutoencoder.ParameterCount;
            }
            """;

        var run = GeneratorHarness.RunYaml(YamlModels.Classic, use);

        AssertCompilesCleanly(run);
        var type = run.Output.GetTypeByMetadataName("Examples.MnistAutoencoder")!;
        type.DeclaredAccessibility.ShouldBe(Accessibility.Public);
    }

    private static ModelSpec ParsedSpec(GeneratorOutput run, string step)
        => ((ModelParseResult)run.Result.TrackedSteps[step].Single().Outputs.Single().Value).Spec!;

    /// <summary>The declared values only: locations differ by nature (an attribute, a YAML node).</summary>
    private static TrainingSpec WithoutLocations(TrainingSpec spec) => spec with
    {
        Location = null,
        EarlyStopping = spec.EarlyStopping! with { Location = null },
        Schedule = spec.Schedule! with { Location = null },
    };

    private static void AssertCompilesCleanly(GeneratorOutput run)
    {
        run.GeneratorDiagnostics.ShouldBeEmpty();
        run.CompilationProblems.ShouldBeEmpty();
    }
}
