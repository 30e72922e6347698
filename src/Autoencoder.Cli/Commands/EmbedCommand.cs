using System.IO;
using Autoencoder.Runtime.Features;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder embed</c>: the codes of a data set, to CSV or NumPy .npy.</summary>
internal static class EmbedCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images to encode: a folder of images, an image file, an IDX image file, or the MNIST folder");
        var output = CommonOptions.Out("The file to write: .csv (a header, one row per image, the label first when known) or .npy (an [N, D] float32 matrix)", "codes.csv");
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var command = new CliCommand("embed",
            "Encodes every input image with a trained model and writes the codes, one row per image (a VAE gives its posterior mean), " +
            "for a classifier, a plot or NumPy.")
        {
            input, modelFile, output, limit, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder embed data/mnist --model dense.aem --out codes.csv", "the 32-number codes of the 10,000 MNIST test digits, with their labels")
            .Example("autoencoder embed photos/ -m dense.aem --out codes.npy", "codes of a folder of images as a NumPy matrix (numpy.load('codes.npy'))");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(output)!;
            var extension = Path.GetExtension(path).ToLowerInvariant();
            if (extension is not (".csv" or ".npy"))
                throw new CliException($"--out '{path}': the codes are written as .csv or .npy; choose one of those extensions");
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            using var images = ImageInput.Load(parse.GetValue(input)!, model.Layout, parse.GetValue(split)!, parse.GetValue(limit), conversion: conversion(parse));
            using var codes = CodeExport.Encode(model.Handle.Model, images.Images);
            if (extension == ".npy")
                CodeExport.WriteNpy(path, codes);
            else
                CodeExport.WriteCsv(path, codes, images.Labels);
            context.Out.WriteLine($"Wrote the codes of {images.Description}, [{codes.shape[0]}, {codes.shape[1]}], to {path}");
            return CliApp.Ok;
        });
        return command;
    }
}
