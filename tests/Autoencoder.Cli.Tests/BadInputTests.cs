using System.IO;
using Autoencoder.Runtime.IO;
using Shouldly;
using TorchSharp;
using Xunit;

namespace Autoencoder.Cli.Tests;

/// <summary>Every expected failure: a non-zero exit, one line on stderr that says what and where, no stack trace, and no output file touched.</summary>
public sealed class BadInputTests(MnistFixture mnist) : IClassFixture<MnistFixture>
{
    private const string Kept = "written before the command ran";

    /// <summary>A folder holding scores.csv, codes.csv and a model file with known contents, which a failed command must not change.</summary>
    private string OutputWithExistingFiles()
    {
        var output = mnist.NewDirectory();
        foreach (var name in new[] { "scores.csv", "top.png", "codes.csv", "model.aem", "comparison.png" })
            File.WriteAllText(Path.Combine(output, name), Kept);
        return output;
    }

    private static void ShouldBeUntouched(string output)
    {
        foreach (var file in Directory.GetFiles(output))
            File.ReadAllText(file).ShouldBe(Kept, file);
        Directory.GetFiles(output).Length.ShouldBe(5);
    }

    [Fact]
    public void Missing_input_names_the_path()
    {
        var output = OutputWithExistingFiles();
        var missing = Path.Combine(mnist.Root, "no-such-images");
        CliResult.Run("anomaly", missing, "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain(missing);
        ShouldBeUntouched(output);
    }

    [Fact]
    public void Missing_model_file_names_it()
    {
        var output = OutputWithExistingFiles();
        var missing = Path.Combine(mnist.Root, "nothing.aem");
        CliResult.Run("embed", mnist.TestImages, "-m", missing, "--out", Path.Combine(output, "codes.csv")).ShouldFailWithOneLine().ShouldContain(missing);
        ShouldBeUntouched(output);
    }

    [Fact]
    public void Unreadable_image_data_names_the_file()
    {
        var output = OutputWithExistingFiles();
        var broken = Path.Combine(mnist.NewDirectory(), "broken-images-idx3-ubyte");
        File.WriteAllBytes(broken, [0, 0, 8, 3, 0, 0, 0, 5, 1, 2]);
        CliResult.Run("anomaly", broken, "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain(broken);
        ShouldBeUntouched(output);
    }

    [Fact]
    public void Images_of_the_wrong_size_are_refused()
    {
        var output = OutputWithExistingFiles();
        var small = Path.Combine(mnist.NewDirectory(), "small-images-idx3-ubyte");
        MnistFixture.WriteIdx(small, [3, 20, 20], new byte[3 * 20 * 20]);
        var line = CliResult.Run("embed", small, "-m", mnist.DenseModel, "--out", Path.Combine(output, "codes.csv")).ShouldFailWithOneLine();
        line.ShouldContain("28×28");
        line.ShouldContain("20×20");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void A_photo_is_resized_and_made_grayscale_only_when_asked()
    {
        var output = OutputWithExistingFiles();
        var codes = Path.Combine(output, "codes.csv");
        var photo = Path.Combine(MnistFixture.RepositoryRoot(), "samples", "photos", "chelsea.png");

        var size = CliResult.Run("embed", photo, "-m", mnist.DenseModel, "--out", codes).ShouldFailWithOneLine();
        size.ShouldContain("chelsea.png");
        size.ShouldContain("451×300");
        size.ShouldContain("28×28");
        size.ShouldContain("--resize");

        var channels = CliResult.Run("embed", photo, "-m", mnist.DenseModel, "--out", codes, "--resize").ShouldFailWithOneLine();
        channels.ShouldContain("chelsea.png");
        channels.ShouldContain("colour (3 channels, RGB)");
        channels.ShouldContain("grayscale (1 channel)");
        channels.ShouldContain("--convert-channels");
        ShouldBeUntouched(output);

        CliResult.Run("embed", photo, "-m", mnist.DenseModel, "--out", codes, "--resize", "--convert-channels").ExitCode.ShouldBe(0);
        File.ReadAllText(codes).ShouldNotBe(Kept);
    }

    [Fact]
    public void Unknown_model_name_lists_the_models()
    {
        var output = OutputWithExistingFiles();
        var line = CliResult.Run("train", "resnet", "--data", mnist.Data, "--out", Path.Combine(output, "model.aem")).ShouldFailWithOneLine();
        line.ShouldContain("'resnet'");
        line.ShouldContain("dense, denoise, inpaint, vae, compress");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void A_yaml_file_that_differs_from_the_compiled_model_is_refused()
    {
        var output = OutputWithExistingFiles();
        var yaml = Path.Combine(mnist.NewDirectory(), "dense.ae.yaml");
        var compiled = File.ReadAllText(Path.Combine(MnistFixture.RepositoryRoot(), "src", "Autoencoder.Cli", "Models", "dense.ae.yaml"));
        File.WriteAllText(yaml, compiled.Replace("units: 32", "units: 64", System.StringComparison.Ordinal));
        var line = CliResult.Run("train", yaml, "--data", mnist.Data, "--out", Path.Combine(output, "model.aem")).ShouldFailWithOneLine();
        line.ShouldContain("differs from the 'dense' model compiled into this tool");
        ShouldBeUntouched(output);

        File.WriteAllText(yaml, compiled.Replace("name: DenseAutoencoder", "name: MyOwnModel", System.StringComparison.Ordinal));
        CliResult.Run("train", yaml, "--out", Path.Combine(output, "model.aem")).ShouldFailWithOneLine().ShouldContain("'MyOwnModel', which is not compiled into this tool");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void The_compiled_yaml_file_itself_selects_its_model()
    {
        var yaml = Path.Combine(MnistFixture.RepositoryRoot(), "src", "Autoencoder.Cli", "Models", "denoise.ae.yaml");
        Registry.ModelSource.Resolve(yaml).Name.ShouldBe("denoise");
        var crlf = Path.Combine(mnist.NewDirectory(), "denoise.ae.yaml");
        File.WriteAllText(crlf, File.ReadAllText(yaml).ReplaceLineEndings("\r\n"));
        Registry.ModelSource.Resolve(crlf).Name.ShouldBe("denoise");
    }

    [Fact]
    public void A_model_file_for_a_model_without_the_capability_is_refused()
    {
        var output = OutputWithExistingFiles();
        var line = CliResult.Run("sample", "-m", mnist.DenseModel, "--out", Path.Combine(output, "top.png")).ShouldFailWithOneLine();
        line.ShouldContain("'dense'");
        line.ShouldContain("vae");
        CliResult.Run("denoise", mnist.Data, "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain("denoise, inpaint");
        CliResult.Run("compress", mnist.Data, "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain("codec");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void A_model_file_of_an_unknown_model_or_another_architecture_is_refused()
    {
        var output = OutputWithExistingFiles();
        var folder = mnist.NewDirectory();
        using var module = torch.nn.Linear(2, 2);
        var foreign = Path.Combine(folder, "foreign.aem");
        ModelFile.Save(foreign, "resnet", "0123456789abcdef", module);
        CliResult.Run("embed", mnist.Data, "-m", foreign, "--out", Path.Combine(output, "codes.csv")).ShouldFailWithOneLine().ShouldContain("'resnet', which this tool does not have");

        var changed = Path.Combine(folder, "changed.aem");
        ModelFile.Save(changed, "dense", "0123456789abcdef", module);
        CliResult.Run("embed", mnist.Data, "-m", changed, "--out", Path.Combine(output, "codes.csv")).ShouldFailWithOneLine().ShouldContain("architecture fingerprint 0123456789abcdef");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void A_damaged_or_foreign_model_file_is_refused()
    {
        var output = OutputWithExistingFiles();
        var folder = mnist.NewDirectory();
        var damaged = Path.Combine(folder, "damaged.aem");
        var bytes = File.ReadAllBytes(mnist.DenseModel);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(damaged, bytes);
        CliResult.Run("anomaly", mnist.Data, "-m", damaged, "--out", output).ShouldFailWithOneLine().ShouldContain("damaged");

        var truncated = Path.Combine(folder, "truncated.aem");
        File.WriteAllBytes(truncated, File.ReadAllBytes(mnist.DenseModel)[..100]);
        CliResult.Run("anomaly", mnist.Data, "-m", truncated, "--out", output).ShouldFailWithOneLine().ShouldContain(truncated);

        var text = Path.Combine(folder, "notes.aem");
        File.WriteAllText(text, "not a model");
        CliResult.Run("anomaly", mnist.Data, "-m", text, "--out", output).ShouldFailWithOneLine().ShouldContain("not a model file");
        ShouldBeUntouched(output);
    }

    [Fact]
    public void A_stream_file_for_a_model_without_a_codec_is_refused_before_anything_is_written()
    {
        var output = OutputWithExistingFiles();
        var streams = mnist.NewDirectory();
        File.WriteAllBytes(Path.Combine(streams, "00000.aec"), [1, 2, 3, 4]);
        CliResult.Run("decompress", streams, "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain("codec");
        CliResult.Run("decompress", mnist.NewDirectory(), "-m", mnist.DenseModel, "--out", output).ShouldFailWithOneLine().ShouldContain("no .aec files");
        ShouldBeUntouched(output);
    }

    [Theory]
    [InlineData("train", "dense", "--epochs", "0")]
    [InlineData("train", "dense", "--epochs", "many")]
    [InlineData("anomaly", "x", "-m", "y.aem", "--top", "-3")]
    [InlineData("interpolate", "x", "-m", "y.aem", "--steps", "1")]
    [InlineData("interpolate", "x", "-m", "y.aem", "--pairs", "2000000000")]
    [InlineData("sample", "-m", "y.aem", "--rows", "100000", "--columns", "100000")]
    [InlineData("embed", "x", "-m", "y.aem", "--split", "validation")]
    [InlineData("embed", "x")]
    [InlineData("frobnicate")]
    [InlineData("train", "dense", "--no-such-option")]
    public void Bad_command_lines_are_usage_errors(params string[] args)
    {
        var result = CliResult.Run(args);
        result.ShouldFailWithOneLine().ShouldContain("--help");
        result.ExitCode.ShouldBe(CliApp.Usage);
    }

    [Fact]
    public void Bad_option_values_found_by_the_command_name_the_option()
    {
        var output = OutputWithExistingFiles();
        CliResult.Run("inpaint", mnist.Data, "-m", mnist.DenseModel, "--region", "1,2,3", "--out", output).ShouldFailWithOneLine().ShouldContain("--region");
        CliResult.Run("inpaint", mnist.Data, "-m", mnist.DenseModel, "--region", "20,20,10,10", "--out", output).ShouldFailWithOneLine().ShouldContain("does not fit");
        CliResult.Run("embed", mnist.Data, "-m", mnist.DenseModel, "--out", Path.Combine(output, "codes.txt")).ShouldFailWithOneLine().ShouldContain(".csv or .npy");
        ShouldBeUntouched(output);
    }
}
