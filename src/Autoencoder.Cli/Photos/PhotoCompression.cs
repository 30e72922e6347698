using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Compression;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// <c>compress</c> and <c>decompress</c> with a codec of free size: each photo keeps its own size and channels, which its stream
/// records, and its rate is its bits over its own width × height. <see cref="CodecFiles"/> reads one photo at a time.
/// </summary>
internal static class PhotoCompression
{
    public static int Compress(CliContext context, IImageCodec codec, PhotoInput photos, string folder)
    {
        if (File.Exists(folder))
            throw new CliException($"--out '{folder}' is a file; give a folder for the stream files");
        var written = CodecFiles.Compress(codec, photos.Paths, photos.Load, folder);
        foreach (var file in written)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {Path.GetFileName(file.Source)} ({PhotoInput.Describe(file.ImageShape)}) -> {file.Output}: {file.Bytes} bytes, {BitsPerPixel(file):F4} bits per pixel"));
        }

        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Compressed {photos.Description} into {folder}: {written.Sum(f => f.Bytes)} bytes, {written.Average(BitsPerPixel):F4} bits per pixel (mean over photos of each one's bits over its own width×height)"));
        return CliApp.Ok;
    }

    public static int Decompress(CliContext context, IImageCodec codec, IReadOnlyList<string> streams, string folder)
    {
        if (File.Exists(folder))
            throw new CliException($"--out '{folder}' is a file; give a folder for the decoded PNGs");
        var written = CodecFiles.Decompress(codec, streams, folder);
        foreach (var file in written)
            context.Out.WriteLine($"  {Path.GetFileName(file.Source)} -> {file.Output} ({PhotoInput.Describe(file.ImageShape)})");
        context.Out.WriteLine($"Decoded {written.Count} stream{(written.Count == 1 ? "" : "s")} into {folder}");
        return CliApp.Ok;
    }

    private static double BitsPerPixel(CodecFileResult file) => 8.0 * file.Bytes / (file.ImageShape[1] * file.ImageShape[2]);
}
