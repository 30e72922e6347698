using System.Collections.Generic;
using System.CommandLine;
using System.IO;
using System.Linq;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Compression.Baselines;
using Autoencoder.Runtime.Compression.RateDistortion;
using Autoencoder.Runtime.Models;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder evaluate</c>: the rate–distortion figures of a compression model on MNIST test images or photos.</summary>
internal static class EvaluateCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var data = new Option<string>("--data", "-d")
        {
            Description = "Images to measure on: the MNIST folder (its test split), an IDX image file, or a folder of images",
            DefaultValueFactory = _ => Path.Combine("data", "mnist"),
            HelpName = "path",
        };
        var limit = CommonOptions.Limit();
        var output = CommonOptions.Out("Folder for rate-distortion.md/.csv/.json and the PSNR and SSIM plots", "rate-distortion");
        var learnedOnly = new Option<bool>("--learned-only")
        {
            Description = "Measure the learned codec alone, without the JPEG, WebP and PNG rows (much quicker)",
        };
        var command = new CliCommand("evaluate",
            "Measures a trained compression model against JPEG, WebP (qualities 0-95) and PNG: every image is compressed to its real " +
            "stream or file and decoded, and the table sets the rate (bits per image and per pixel, from the sizes) against the " +
            "distortion (PSNR and SSIM), then shows the bits each classic codec needs at the learned codec's PSNR.")
        {
            modelFile, data, limit, output, learnedOnly,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder evaluate --model compress.aem", "the rate-distortion table on the 10,000 MNIST test digits")
            .Example("autoencoder evaluate -m compress.aem --limit 1000 --out rd", "a quicker table, written with its plots to rd/")
            .Example("autoencoder evaluate -m photo-codec.aem --data kodak/", "photos of mixed sizes: bpp of each one's own size, per-image.csv");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var codec = model.Require<ICompressionAutoencoder>("evaluate", "a learned codec (a [Compression] model)").CreateCodec();
            const string Family = "learned";
            var entries = new List<RateDistortionEntry> { new(Family, codec) };
            if (!parse.GetValue(learnedOnly))
                entries.AddRange(BaselineCodecs.Standard(model.Geometry!.Channels).Select(RateDistortionEntry.For));
            if (model.IsFree)
                return PhotoEvaluation.Run(context, entries, PhotoInput.Open(parse.GetValue(data)!, model, parse.GetValue(limit), conversion(parse)), parse.GetValue(output)!, Family);

            using var images = ImageInput.Load(parse.GetValue(data)!, model.Layout, "test", parse.GetValue(limit), conversion: conversion(parse));

            context.Out.WriteLine($"Measuring {entries.Count} codec setting(s) on {images.Description}…");
            var report = RateDistortionEvaluator.Evaluate(entries, images.Images, new RateDistortionProgressLog(context.Out, "  "));
            var directory = parse.GetValue(output)!;
            var files = report.WriteAll(directory, entries.Count > 1 ? Family : null);
            context.Out.WriteLine();
            context.Out.Write(report.ToMarkdown());
            if (entries.Count > 1)
            {
                context.Out.WriteLine();
                foreach (var sentence in MatchedPsnrComparison.Compare(report, Family).Sentences())
                    context.Out.WriteLine(sentence);
            }

            context.Out.WriteLine();
            context.Out.WriteLine($"Wrote {files.Markdown}, {files.Csv}, {files.Json} and {files.PsnrPlot}.");
            return CliApp.Ok;
        });
        return command;
    }
}
