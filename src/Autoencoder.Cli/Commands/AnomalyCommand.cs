using System;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Features;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder anomaly</c>: ranks images by reconstruction error, the worst first.</summary>
internal static class AnomalyCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images to score: a folder of images, an image file, an IDX image file, or the MNIST folder");
        var output = CommonOptions.Out("Folder for scores.csv (every image, ranked) and top.png (the worst images above their reconstructions)", "anomalies");
        var top = CommonOptions.Positive(new Option<int>("--top", "-k") { Description = "How many of the worst images top.png shows", DefaultValueFactory = _ => 16, HelpName = "K" });
        var heatScale = new Option<double>("--heat-scale")
        {
            Description = "Photos (models of free size): the per-pixel error, on the 0-1 pixel scale, that a heat map draws white",
            DefaultValueFactory = _ => ErrorHeatMap.DefaultFullScale,
            HelpName = "error",
        };
        heatScale.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is var value && (!double.IsFinite(value) || value <= 0))
                result.AddError($"--heat-scale must be a positive number, got {value.ToString(CultureInfo.InvariantCulture)}.");
        });
        var tile = FullSize.TileOption();
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var command = new CliCommand("anomaly",
            "Scores each image by how badly a trained model reconstructs it (mean squared error per pixel): an image unlike the " +
            "training data scores high. Writes every score, ranked worst first, to scores.csv and the top K to top.png; a model of free " +
            "size scores each photo at its own size and writes a heat map of its per-pixel error, heatmaps/<name>.png, instead.")
        {
            input, modelFile, output, top, heatScale, tile, limit, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder anomaly data/mnist --model dense.aem", "ranks the 10,000 MNIST test digits; anomalies/top.png shows the 16 oddest")
            .Example("autoencoder anomaly scans/ -m dense.aem --top 32 --out report/", "ranks a folder of images; scores.csv names each file")
            .Example("autoencoder anomaly photos/ -m photo-codec.aem", "ranks photos at their own sizes; anomalies/heatmaps/ shows where each is wrong");
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(output)!;
            if (File.Exists(folder))
                throw new CliException($"--out '{folder}' is a file; give a folder for scores.csv and top.png");
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            FullSize.RequireFree(model, parse.GetValue(tile));
            if (model.IsFree)
                return PhotoAnomaly.Run(context, model, PhotoInput.Open(parse.GetValue(input)!, model, parse.GetValue(limit), conversion(parse)), folder, parse.GetValue(heatScale), parse.GetValue(tile));
            using var images = ImageInput.Load(parse.GetValue(input)!, model.Layout, parse.GetValue(split)!, parse.GetValue(limit), conversion: conversion(parse));
            var scores = AnomalyScores.Rank(model.Handle.Model, images.Images, images.Paths);
            var csv = Path.Combine(folder, "scores.csv");
            var grid = Path.Combine(folder, "top.png");
            AnomalyScores.WriteCsv(csv, scores);
            AnomalyScores.SaveTopGrid(grid, model.Handle.Model, images.Images, scores, parse.GetValue(top));
            context.Out.WriteLine($"Scored {images.Description} with '{model.Entry.Name}'. Most anomalous:");
            foreach (var score in scores.Take(Math.Min(5, scores.Count)))
            {
                context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {score.Rank,3}. {score.Source ?? "image " + score.Index}  error {score.Error:F5}"));
            }
            context.Out.WriteLine($"All scores: {csv}; the top {Math.Min(parse.GetValue(top), scores.Count)}: {grid}");
            return CliApp.Ok;
        });
        return command;
    }
}
