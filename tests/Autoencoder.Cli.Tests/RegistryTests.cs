using System.Linq;
using Autoencoder.Cli.Registry;
using Autoencoder.Runtime.Models;
using Shouldly;
using Xunit;

namespace Autoencoder.Cli.Tests;

/// <summary>The registry's one line per model: each entry's YAML file is in the tool, and each model has the capabilities its commands need.</summary>
public sealed class RegistryTests
{
    [Fact]
    public void Every_entry_is_declared_by_its_embedded_yaml_file()
    {
        foreach (var entry in ModelRegistry.All)
        {
            var yaml = ModelSource.CompiledYaml(entry);
            ModelSource.DeclaredClass(yaml).ShouldBe(entry.ClassName);
            entry.YamlFile.ShouldBe(entry.Name + ".ae.yaml");
        }

        ModelRegistry.All.Select(e => e.ClassName)
            .ShouldBe(["DenseAutoencoder", "DenoisingAutoencoder", "InpaintingAutoencoder", "VariationalAutoencoder", "CompressionAutoencoder", "PhotoCodec", "PhotoDenoiser"]);
    }

    [Fact]
    public void Each_command_finds_its_capability_in_the_models_that_have_it()
    {
        ModelRegistry.NamesWith<IDenoisingAutoencoder>().ShouldBe("denoise, inpaint, photo-denoise");
        ModelRegistry.NamesWith<IGenerativeAutoencoder>().ShouldBe("vae");
        ModelRegistry.NamesWith<ICompressionAutoencoder>().ShouldBe("compress, photo-codec");
        ModelRegistry.NamesWith<IVectorQuantizedAutoencoder>().ShouldBe("(no model of this tool has it yet)");
    }

    [Fact]
    public void A_model_name_without_shipped_weights_says_how_to_get_them()
    {
        var error = CliResult.Run("anomaly", "data/mnist", "--model", "dense", "--limit", "2").ShouldFailWithOneLine();

        error.ShouldContain("'dense' is a model of this tool, but no trained weights ship with it: train them with 'autoencoder train dense ... --out FILE'");
    }

    [Fact]
    public void A_file_is_read_as_the_file_even_when_named_like_a_model()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("pretrained-").FullName;
        try
        {
            var file = System.IO.Path.Combine(folder, "dense");
            System.IO.File.WriteAllText(file, "not a model");

            PretrainedModels.Resolve(file).ShouldBe(file);
            PretrainedModels.Resolve(System.IO.Path.Combine(folder, "missing.aem")).ShouldBe(System.IO.Path.Combine(folder, "missing.aem"));
        }
        finally
        {
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
