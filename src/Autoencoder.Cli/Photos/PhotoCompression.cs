using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// <c>compress</c> and <c>decompress</c> with a codec of free size: each photo keeps its own size and channels, which its stream
/// records, and its rate is its bits over its own width × height. One photo is in memory at a time.
/// </summary>
internal static class PhotoCompression
{
    public static int Compress(CliContext context, IImageCodec codec, PhotoInput photos, string folder)
    {
        var outputs = new StagedOutputs(folder, photos.Paths);
        var lines = new List<string>();
        long bytes = 0;
        double bitsPerPixel = 0;
        for (var i = 0; i < photos.Count; i++)
        {
            using var scope = NewDisposeScope();
            var photo = photos.Load(i);
            byte[] stream;
            try
            {
                stream = codec.Encode(photo);
            }
            catch (ArgumentException e)
            {
                throw new CliException($"{photos.Paths[i]}: {e.Message.Split(" (Parameter")[0]}");
            }

            var path = outputs.Add(photos.Name(i) + CodecFiles.StreamExtension, stream);
            var bpp = 8.0 * stream.Length / (photo.shape[1] * photo.shape[2]);
            bytes += stream.Length;
            bitsPerPixel += bpp;
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"  {Path.GetFileName(photos.Paths[i])} ({PhotoInput.Describe(photo.shape)}) -> {path}: {stream.Length} bytes, {bpp:F4} bits per pixel"));
        }

        outputs.WriteAll();
        foreach (var line in lines)
            context.Out.WriteLine(line);
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Compressed {photos.Description} into {folder}: {bytes} bytes, {bitsPerPixel / photos.Count:F4} bits per pixel (mean over photos of each one's bits over its own width×height)"));
        return CliApp.Ok;
    }

    public static int Decompress(CliContext context, IImageCodec codec, IReadOnlyList<string> streams, string folder)
    {
        var outputs = new StagedOutputs(folder, streams);
        var lines = new List<string>();
        foreach (var stream in streams)
        {
            using var scope = NewDisposeScope();
            Tensor image;
            try
            {
                image = codec.Decode(File.ReadAllBytes(stream));
            }
            catch (CorruptStreamException e)
            {
                throw new CorruptStreamException($"{stream}: {e.Message}");
            }

            var path = outputs.Add(Path.GetFileNameWithoutExtension(stream) + ".png", ImageFile.EncodePng(image));
            lines.Add($"  {Path.GetFileName(stream)} -> {path} ({PhotoInput.Describe(image.shape)})");
        }

        outputs.WriteAll();
        foreach (var line in lines)
            context.Out.WriteLine(line);
        context.Out.WriteLine($"Decoded {streams.Count} stream{(streams.Count == 1 ? "" : "s")} into {folder}");
        return CliApp.Ok;
    }
}
