using System.Linq;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests.Yaml;

/// <summary>Whatever a YAML file holds, the generator reports diagnostics and never fails (no AE9999, no CS8785).</summary>
public class YamlRobustnessTests
{
    [Theory]
    [InlineData("", "AE0101")]
    [InlineData("just text", "AE0103")]
    [InlineData("- a\n- b\n", "AE0103")]
    [InlineData("name: [X]\ninput: [4]\nencoder: []\ndecoder: []\n", "AE0103")]
    [InlineData("name: class\ninput: [4]\nencoder: []\ndecoder: []\n", "AE0103")]
    [InlineData("name: X\ninput: [99999999999]\nencoder: []\ndecoder: []\n", "AE0103")]
    [InlineData("name: X\ninput: &a [*a]\nencoder: []\ndecoder: []\n", "AE0103")]
    [InlineData("name: X\nname: Y\n", "AE0101")]
    [InlineData("name: X\ninput: [4]\nencoder: [dense]\ndecoder: [[1]]\n", "AE0103")]
    [InlineData("name: X\ninput: [4]\nencoder: {dense: {units: 4}}\ndecoder: []\n", "AE0103")]
    // Found by tests/Autoencoder.Fuzz: a file cut inside a flow mapping (YamlDotNet marks a line past the end),
    // and a key where a sequence item belongs (YamlDotNet throws ArgumentException); both were AE9999.
    [InlineData("name: X\ninput: [4]\ntraining: {ep", "AE0101")]
    [InlineData("name: X\ninput: [4]\nencoder:\n  : dense: {units: 4}\ndecoder: []\n", "AE0101")]
    [InlineData("name: X\ninit: [kaiming_normal]\ninput: [4]\nencoder: [layer_norm: 1]\ndecoder: [group_norm: {groups: .nan, epsilon: ~}]\n", "AE0103")]
    [InlineData("name: X\ninput: [4]\nencoder:\n  - group_norm: {groups: 99999999999}\ndecoder:\n  - layer_norm: {epsilon: .inf}\n", "AE0103")]
    public void Malformed_files_get_diagnostics_and_no_code(string yaml, string id)
    {
        var run = GeneratorHarness.RunYaml(yaml);

        run.GeneratorDiagnostics.ShouldAllBe(d => d.Id.StartsWith("AE"));
        run.Sources.ShouldBeEmpty();
        run.Result.Exception.ShouldBeNull();
        run.Result.Diagnostics.Select(d => d.Id).ShouldContain(id, string.Join("\n", run.Result.Diagnostics));
        run.Result.Diagnostics.ShouldNotContain(d => d.Id == "AE9999");
    }

    [Fact]
    public void Empty_network_is_reported_by_the_shared_analysis()
    {
        var run = GeneratorHarness.RunYaml("name: X\ninput: [4]\nencoder: []\ndecoder:\n  - dense: {units: 4}\n");

        run.Result.Diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0005" });
    }

    [Fact]
    public void A_yaml_model_and_a_csharp_model_of_the_same_name_are_reported_not_a_crash()
    {
        var run = GeneratorHarness.RunYaml(YamlModels.Classic, YamlModels.ClassicAttributes);

        run.Result.Exception.ShouldBeNull();
        run.Result.Diagnostics.Select(d => d.Id).ShouldBe(new[] { "AE0105" });
        run.Result.Diagnostics[0].GetMessage().ShouldBe("'Examples.MnistAutoencoder' is already declared by a C# [Autoencoder] class; give this model another name or namespace, or remove one of them");
        run.Result.Diagnostics[0].Location.GetLineSpan().Path.ShouldBe(GeneratorHarness.YamlPath);
        run.Sources.Count.ShouldBe(2);
    }

    [Fact]
    public void Of_two_yaml_files_declaring_one_class_the_first_by_path_generates_it()
    {
        var driver = GeneratorHarness.CreateDriver(new InMemoryText("/src/b.ae.yaml", YamlModels.Classic), new InMemoryText("/src/a.ae.yaml", YamlModels.Classic))
            .RunGenerators(GeneratorHarness.Compile(Models.Usings));
        var result = driver.GetRunResult().Results.Single();

        result.Exception.ShouldBeNull();
        result.GeneratedSources.Length.ShouldBe(2);
        result.Diagnostics.Single().GetMessage().ShouldBe("'Examples.MnistAutoencoder' is already declared by 'a.ae.yaml'; give this model another name or namespace, or remove one of them");
        result.Diagnostics.Single().Location.GetLineSpan().Path.ShouldBe("/src/b.ae.yaml");
    }
}
