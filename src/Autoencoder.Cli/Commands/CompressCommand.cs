using System.Globalization;
using System.Linq;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder compress</c>: each image to one compressed stream file, with a compression model.</summary>
internal static class CompressCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input("Images to compress: an image file, a folder of images, an IDX image file, or the MNIST folder");
        var output = CommonOptions.Out($"Folder for the stream files, one <image name>{CodecFiles.StreamExtension} per image", "compressed");
        var limit = CommonOptions.Limit();
        var split = CommonOptions.Split("test");
        var command = new CliCommand("compress",
            "Compresses images with a trained compression model: each becomes one small file holding an entropy-coded bitstream " +
            $"({CodecFiles.StreamExtension}), which 'autoencoder decompress' turns back into a PNG with the same model file. A model of " +
            "free size (photo-codec) keeps each photo's own size and colour, recorded in its stream.")
        {
            input, modelFile, output, limit, split,
        };
        var conversion = FileConversion.AddOptions(command);
        command.Example("autoencoder compress digits/ --model compress.aem --out streams/", "one .aec file per image of digits/; prints the sizes")
            .Example("autoencoder compress kodim23.png -m photo-codec.aem", "a photo at its own size and colour; prints its bits per pixel")
            .Example("autoencoder compress data/mnist -m compress.aem --limit 100", "the first 100 MNIST test digits, named 00000.aec, 00001.aec, ...");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var codec = model.Require<ICompressionAutoencoder>("compress", "a learned codec (a [Compression] model)").CreateCodec();
            if (model.IsFree)
                return PhotoCompression.Compress(context, codec, PhotoInput.Open(parse.GetValue(input)!, model, parse.GetValue(limit), conversion(parse)), parse.GetValue(output)!);
            using var images = ImageInput.Load(parse.GetValue(input)!, model.Layout, parse.GetValue(split)!, parse.GetValue(limit), conversion: conversion(parse));
            var named = new LoadedImages(images.Images, images.Paths ?? Enumerable.Range(0, images.Count).Select(i => images.Name(i) + ".png").ToList());
            var folder = parse.GetValue(output)!;
            var written = CodecFiles.Compress(codec, named, folder);
            long bytes = written.Sum(w => w.Bytes);
            double pixels = (double)images.Count * model.Layout.Height * model.Layout.Width;
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Compressed {images.Description} into {folder}: {bytes} bytes, {bytes * 8.0 / images.Count:F1} bits per image, {bytes * 8.0 / pixels:F4} bits per pixel"));
            return CliApp.Ok;
        });
        return command;
    }
}
