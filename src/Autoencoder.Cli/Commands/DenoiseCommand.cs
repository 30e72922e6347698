using System.CommandLine;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder denoise</c>: removes noise from images with a denoising model.</summary>
internal static class DenoiseCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images to restore: an image file, a folder of images, an IDX image file, or the MNIST folder");
        var noise = new Option<string>("--noise") { Description = NoiseSpec.Help, DefaultValueFactory = _ => "model", HelpName = "kind" };
        var output = CommonOptions.Out("Folder for the restored PNGs and comparison.png", "denoised");
        var tile = FullSize.TileOption();
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var seed = CommonOptions.Seed();
        var command = new CliCommand("denoise",
            "Restores noisy images with a trained denoising model (denoise or inpaint). Given clean images, it adds the noise itself " +
            "(--noise), restores them and reports PSNR and SSIM of the noisy and the restored images against the originals. " +
            "Writes one restored PNG per image and a before/after grid, comparison.png; a model of free size (photo-denoise) restores " +
            "each photo at its own size and writes the damaged one beside it instead of the grid.")
        {
            input, modelFile, noise, output, tile, limit, split, seed,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder denoise data/mnist --model denoise.aem --limit 100", "adds the model's Gaussian noise to 100 MNIST test digits, restores them, prints PSNR/SSIM")
            .Example("autoencoder denoise scans/ --model denoise.aem --noise none --out clean/", "restores already-noisy images of a folder (no originals, so no PSNR)")
            .Example("autoencoder denoise digits/ -m denoise.aem --noise masking:0.3", "removes 30% of each image's pixels, then restores them")
            .Example("autoencoder denoise photos/ -m photo-denoise.aem", "each photo at its own size (in tiles above 2048×2048): <name>.png and <name>.damaged.png");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            FullSize.RequireFree(model, parse.GetValue(tile));
            var denoiser = model.Require<IDenoisingAutoencoder>("denoise", "a noise model (a denoising autoencoder)");
            using var generator = new Generator().manual_seed(parse.GetValue(seed));
            var damage = NoiseSpec.Parse(parse.GetValue(noise)!, denoiser, generator);
            if (model.IsFree)
            {
                var photos = PhotoInput.Open(parse.GetValue(input)!, model, parse.GetValue(limit), conversion(parse));
                return PhotoRestoration.Run(context, "denoise", model, photos, damage is null ? null : (image, _) => damage(image), parse.GetValue(output)!, parse.GetValue(tile));
            }

            using var images = ImageInput.Load(parse.GetValue(input)!, model.Layout, parse.GetValue(split)!, parse.GetValue(limit), conversion: conversion(parse));
            return Restore.Run(context, "denoise", model, images, damage, parse.GetValue(output)!);
        });
        return command;
    }
}
