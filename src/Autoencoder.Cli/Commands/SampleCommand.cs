using System.CommandLine;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder sample</c>: a grid of new images drawn from a VAE.</summary>
internal static class SampleCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var rows = CommonOptions.AtMost(CommonOptions.Positive(new Option<int>("--rows") { Description = "Rows of the grid (at most 256)", DefaultValueFactory = _ => 8, HelpName = "N" }), 256);
        var columns = CommonOptions.AtMost(CommonOptions.Positive(new Option<int>("--columns") { Description = "Images per row (at most 256)", DefaultValueFactory = _ => 8, HelpName = "N" }), 256);
        var output = CommonOptions.Out("The PNG grid to write", "samples.png");
        var seed = CommonOptions.Seed();
        var command = new CliCommand("sample",
            "Draws new images from a trained VAE (codes z ~ N(0, I), decoded) and saves them as one PNG grid.")
        {
            modelFile, rows, columns, output, seed,
        };
        command.Example("autoencoder sample --model vae.aem", "writes samples.png: 8x8 new digits")
            .Example("autoencoder sample -m vae.aem --rows 4 --columns 10 --seed 7 --out four.png", "a 4x10 grid with another seed");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var generative = model.Require<IGenerativeAutoencoder>("sample", "a generative decoder (a VAE)");
            int r = parse.GetValue(rows), c = parse.GetValue(columns);
            using var generator = new Generator().manual_seed(parse.GetValue(seed));
            using var scope = NewDisposeScope();
            var images = generative.Sample(r * c, generator);
            var path = parse.GetValue(output)!;
            ImageRows.Save(images.reshape([r, c, .. images.shape[1..]]), path);
            context.Out.WriteLine($"Wrote {r}x{c} samples from '{model.Entry.Name}' to {path}");
            return CliApp.Ok;
        });
        return command;
    }
}
