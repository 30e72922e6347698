using System.CommandLine;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder interpolate</c>: decoded straight lines between the codes of pairs of images, as a PNG grid.</summary>
internal static class InterpolateCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images to pair up: image i is paired with image i + pairs (a folder, an image file, an IDX file, or the MNIST folder)");
        var pairs = CommonOptions.AtMost(CommonOptions.Positive(new Option<int>("--pairs") { Description = "How many pairs, one row each (at most 1024)", DefaultValueFactory = _ => 8, HelpName = "N" }), 1024);
        var steps = CommonOptions.AtMost(new Option<int>("--steps") { Description = "Images per row, both ends included (2 to 256)", DefaultValueFactory = _ => 10, HelpName = "N" }, 256);
        steps.Validators.Add(r =>
        {
            foreach (var token in r.Tokens)
            {
                if (int.TryParse(token.Value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value < 2)
                    r.AddError($"--steps must be at least 2, got {value}.");
            }
        });
        var output = CommonOptions.Out("The PNG grid to write", "interpolation.png");
        var split = CommonOptions.Split("test");
        var command = new CliCommand("interpolate",
            "Walks a trained VAE's code space in a straight line from one image to another and decodes the path: one row per pair " +
            "of input images, saved as one PNG grid.")
        {
            input, modelFile, pairs, steps, output, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder interpolate data/mnist --model vae.aem", "8 rows of 10 images morphing between MNIST test digits")
            .Example("autoencoder interpolate faces/ -m vae.aem --pairs 2 --steps 16", "from the 1st to the 3rd and the 2nd to the 4th image of a folder");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var generative = model.Require<IGenerativeAutoencoder>("interpolate", "a generative decoder (a VAE)");
            int p = parse.GetValue(pairs);
            var inputPath = parse.GetValue(input)!;
            using var images = ImageInput.Load(inputPath, model.Layout, parse.GetValue(split)!, 2 * p, conversion: conversion(parse));
            if (images.Count < 2 * p)
                throw new CliException($"{inputPath}: {p} pairs need {2 * p} images, but it has {images.Count}; use --pairs {images.Count / 2} or add images");
            using var scope = NewDisposeScope();
            var path = generative.Interpolate(images.Images[..p], images.Images[p..(2 * p)], parse.GetValue(steps));
            var file = parse.GetValue(output)!;
            ImageRows.Save(path, file);
            context.Out.WriteLine($"Wrote {p} interpolations of {parse.GetValue(steps)} steps from '{model.Entry.Name}' to {file}");
            return CliApp.Ok;
        });
        return command;
    }
}
