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
}
