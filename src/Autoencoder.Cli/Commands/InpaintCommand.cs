using System;
using System.CommandLine;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Imaging;
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
            Description = "The rectangle to blank out and fill in, x,y,w,h in pixels (default: the centred square of half the shorter side, 7,7,14,14 for 28x28)",
            HelpName = "x,y,w,h",
        };
        var holed = new Option<bool>("--already-masked")
        {
            Description = "The inputs already have their hole (no originals, so no PSNR/SSIM): only fill it in",
        };
        var output = CommonOptions.Out("Folder for the filled-in PNGs and comparison.png", "inpainted");
        var tile = FullSize.TileOption();
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var command = new CliCommand("inpaint",
            "Fills in a missing rectangle of each image with a trained model (inpaint, or denoise). The command blanks the --region of " +
            "the clean input images itself, fills it in, and reports PSNR and SSIM of the holed and the filled-in images against the " +
            "originals. Writes one PNG per image and a before/after grid, comparison.png.")
        {
            input, modelFile, region, holed, output, tile, limit, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder inpaint data/mnist --model inpaint.aem --limit 64 --region 7,7,14,14", "blanks the centre of 64 test digits and fills it in, prints PSNR/SSIM")
            .Example("autoencoder inpaint damaged/ -m inpaint.aem --already-masked --out repaired/", "fills in images that already have a hole")
            .Example("autoencoder inpaint photos/ -m photo-denoise.aem", "blanks the centre of each photo at its own size and fills it in");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            FullSize.RequireFree(model, parse.GetValue(tile));
            if (model.IsFree)
            {
                var photos = PhotoInput.Open(parse.GetValue(input)!, model, parse.GetValue(limit), conversion(parse));
                var given = ParseRegion(parse.GetValue(region));
                return PhotoRestoration.Run(context, "inpaint", model, photos,
                    parse.GetValue(holed) ? null : (image, path) => PhotoHole(given, image, path).Mask(image), parse.GetValue(output)!, parse.GetValue(tile));
            }

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

    private static ImageRegion? ParseRegion(string? text)
    {
        try
        {
            return text is null ? null : ImageRegion.Parse(text);
        }
        catch (FormatException e)
        {
            throw new CliException($"--region: {e.Message}");
        }
    }

    // A photo's hole: the given rectangle, which must lie inside that photo, or the centred square of half its shorter side.
    private static ImageRegion PhotoHole(ImageRegion? given, TorchSharp.torch.Tensor image, string path)
    {
        var layout = new ImageLayout((int)image.shape[1], (int)image.shape[2], (int)image.shape[3]);
        if (given is null)
            return ImageRegion.Centre(layout);
        try
        {
            given.RequireInside(layout);
            return given;
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new CliException($"--region: {path}: {e.Message.Split(" (Parameter")[0]}");
        }
    }
}
