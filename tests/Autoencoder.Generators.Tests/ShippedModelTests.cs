using System;
using System.IO;
using System.Text.RegularExpressions;
using Autoencoder.Generators.Tests.Infrastructure;
using Shouldly;
using Xunit;

namespace Autoencoder.Generators.Tests;

/// <summary>
/// The command-line tool ships weights trained by reference runs (docs/reference-runs.md) for its photo-codec and
/// photo-denoise, which are declared twice: in examples/ReferenceRuns with attributes, in src/Autoencoder.Cli/Models in YAML.
/// A model file loads only into the architecture it was written for, so the two declarations must keep one fingerprint.
/// </summary>
public class ShippedModelTests
{
    [Theory]
    [InlineData("examples/ReferenceRuns/Models/KodakCodecs.cs", "KodakHyperpriorQ3", "src/Autoencoder.Cli/Models/photo-codec.ae.yaml")]
    [InlineData("examples/ReferenceRuns/Models/DnCnn.cs", "ColourDnCnn25", "src/Autoencoder.Cli/Models/photo-denoise.ae.yaml")]
    public void The_reference_run_and_the_tool_declare_one_architecture(string attributeFile, string className, string yamlFile)
    {
        var root = RepositoryRoot();
        var fromAttributes = GeneratorHarness.Run(File.ReadAllText(Path.Combine(root, attributeFile)));
        var fromYaml = GeneratorHarness.RunYaml(File.ReadAllText(Path.Combine(root, yamlFile)));

        var trained = Fingerprint(fromAttributes.Source("." + className + ".Module.g.cs"));
        var shipped = Fingerprint(fromYaml.Source(".Module.g.cs"));

        shipped.ShouldBe(trained, $"{yamlFile} and {className} must declare the same layers: the weights {className} trains ship as the tool's model");
    }

    private static string Fingerprint(string module)
    {
        var fingerprint = Regex.Match(module, "public const string Fingerprint = \"([0-9a-f]+)\";").Groups[1].Value;
        fingerprint.ShouldNotBeNullOrEmpty();
        return fingerprint;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Autoencoder.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException($"No Autoencoder.sln above '{AppContext.BaseDirectory}'.");
    }
}
