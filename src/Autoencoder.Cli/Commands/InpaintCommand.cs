using System;
using System.CommandLine;
using Autoencoder.Runtime.Restoration;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder inpaint</c>: fills a missing rectangle of each image with a trained model.</summary>
internal static class InpaintCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images: an image file, a folder of images, an IDX image file, or the MNIST folder");
        var region = new Option<string?>("--region")
        {
            Description = "The rectangle to blank out and fill in, x,y,w,h in pixels of the model's input (default: the centred square of half the side, 7,7,14,14 for 28x28)",
            HelpName = "x,y,w,h",
        };
        var holed = new Option<bool>("--already-masked")
        {
            Description = "The inputs already have their hole (no originals, so no PSNR/SSIM): only fill it in",
        };
        var output = CommonOptions.Out("Folder for the filled-in PNGs and comparison.png", "inpainted");
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var command = new CliCommand("inpaint",
            "Fills in a missing rectangle of each image with a trained model (inpaint, or denoise). The command blanks the --region of " +
            "the clean input images itself, fills it in, and reports PSNR and SSIM of the holed and the filled-in images against the " +
            "originals. Writes one PNG per image and a before/after grid, comparison.png.")
        {
            input, modelFile, region, holed, output, limit, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder inpaint data/mnist --model inpaint.aem --limit 64 --region 7,7,14,14", "blanks the centre of 64 test digits and fills it in, prints PSNR/SSIM")
            .Example("autoencoder inpaint damaged/ -m inpaint.aem --already-masked --out repaired/", "fills in images that already have a hole");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            ImageRegion hole;
            try
            {
                hole = parse.GetValue(region) is { } text ? ImageRegion.Parse(text) : ImageRegion.Centre(model.Layout);
                hole.RequireInside(model.Layout);
            }
            catch (Exception e) when (e is FormatException or ArgumentOutOfRangeException)
            {
                throw new CliException($"--region: {e.Message.Split(" (Parameter")[0]}");
            }
            using var images = ImageInput.Load(parse.GetValue(input)!, model.Layout, parse.GetValue(split)!, parse.GetValue(limit), conversion: conversion(parse));
            return Restore.Run(context, "inpaint", model, images, parse.GetValue(holed) ? null : x => hole.Mask(x), parse.GetValue(output)!);
        });
        return command;
    }
}
