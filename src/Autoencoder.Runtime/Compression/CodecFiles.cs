using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>One file a codec wrote: the image it came from (or the stream it was decoded from), the file written and its size in bytes.</summary>
public sealed record CodecFileResult(string Source, string Output, long Bytes)
{
    /// <summary>The image's shape [C, H, W]: the one encoded, or the one decoded.</summary>
    public IReadOnlyList<long> ImageShape { get; init; } = [];
}

/// <summary>
/// Compression on files: each image becomes one stream file (<see cref="StreamExtension"/>), and each stream file
/// becomes a PNG again. Every stream is encoded or decoded before the first file is written, so a bad input leaves
/// the output folder as it was; each file is written atomically.
/// </summary>
public static class CodecFiles
{
    /// <summary>The extension of a compressed image.</summary>
    public const string StreamExtension = ".aec";

    /// <summary>Encodes every image of <paramref name="images"/> with <paramref name="codec"/> into <paramref name="outputDirectory"/>, one stream per image, named after its source file.</summary>
    /// <exception cref="ImageFileException">The codec does not take an image (its size or channels); the message names the file, and nothing is written.</exception>
    public static IReadOnlyList<CodecFileResult> Compress(IImageCodec codec, LoadedImages images, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(images);
        var list = new Tensor[images.Paths.Count];
        try
        {
            for (var i = 0; i < list.Length; i++)
                list[i] = images.Images[i];
            return Compress(codec, list, images.Paths, outputDirectory);
        }
        finally
        {
            foreach (var image in list)
                image?.Dispose();
        }
    }

    /// <summary>
    /// Encodes each image of <paramref name="images"/> ([C, H, W], each of its own size for a codec of free sizes) into
    /// <paramref name="outputDirectory"/>, one stream per image, named after the file of the same index in <paramref name="paths"/>.
    /// </summary>
    /// <exception cref="ImageFileException">The codec does not take an image (its size or channels); the message names the file, and nothing is written.</exception>
    public static IReadOnlyList<CodecFileResult> Compress(IImageCodec codec, IReadOnlyList<Tensor> images, IReadOnlyList<string> paths, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(paths);
        if (images.Count != paths.Count)
            throw new ArgumentException($"{images.Count} images for {paths.Count} file names.", nameof(paths));
        return Compress(codec, paths, i => images[i], outputDirectory);
    }

    /// <summary>
    /// Encodes the image of each file of <paramref name="paths"/>, as <paramref name="load"/> gives it ([C, H, W]; called once
    /// per file, in order, and what it creates is disposed once encoded, so a folder of large photos is never in memory at
    /// once), into <paramref name="outputDirectory"/>, one stream per file.
    /// </summary>
    /// <exception cref="ImageFileException">The codec does not take an image (its size or channels); the message names the file, and nothing is written.</exception>
    public static IReadOnlyList<CodecFileResult> Compress(IImageCodec codec, IReadOnlyList<string> paths, Func<int, Tensor> load, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(load);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var streams = new List<(string Source, string Output, byte[] Data, long[] Shape)>();
        for (int i = 0; i < paths.Count; i++)
        {
            using var scope = NewDisposeScope();
            var output = Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(paths[i]) + StreamExtension);
            var image = load(i);
            byte[] data;
            try
            {
                data = codec.Encode(image);
            }
            catch (ArgumentException e)
            {
                var mismatch = e is Models.ImageSizeException ? ImageMismatch.Size : ImageMismatch.None;
                throw new ImageFileException(paths[i], e.Message, mismatch);
            }

            streams.Add((paths[i], output, data, image.shape));
        }

        RequireDistinct(streams.Select(s => s.Output));
        foreach (var (_, output, data, _) in streams)
            AtomicFile.WriteAllBytes(output, data);
        return streams.Select(s => new CodecFileResult(s.Source, s.Output, s.Data.LongLength) { ImageShape = s.Shape }).ToList();
    }

    /// <summary>
    /// Decodes <paramref name="streamPaths"/> (stream files written by <c>Compress</c>) with <paramref name="codec"/>
    /// into PNG files in <paramref name="outputDirectory"/>. Each image is held as its PNG's bytes until all are decoded.
    /// </summary>
    /// <exception cref="CorruptStreamException">A stream is damaged or from another model or format version; nothing is written.</exception>
    public static IReadOnlyList<CodecFileResult> Decompress(IImageCodec codec, IReadOnlyList<string> streamPaths, string outputDirectory)
    {
        ArgumentNullException.ThrowIfNull(codec);
        ArgumentNullException.ThrowIfNull(streamPaths);
        ArgumentException.ThrowIfNullOrEmpty(outputDirectory);
        var decoded = new List<(string Source, string Output, byte[] Png, long[] Shape)>();
        foreach (var path in streamPaths)
        {
            byte[] data = File.ReadAllBytes(path);
            using var scope = NewDisposeScope();
            Tensor image;
            try
            {
                image = codec.Decode(data);
            }
            catch (CorruptStreamException e)
            {
                throw new CorruptStreamException($"{path}: {e.Message}");
            }

            decoded.Add((path, Path.Combine(outputDirectory, Path.GetFileNameWithoutExtension(path) + ".png"), ImageFile.EncodePng(image), image.shape));
        }

        RequireDistinct(decoded.Select(d => d.Output));
        foreach (var (_, output, png, _) in decoded)
            AtomicFile.WriteAllBytes(output, png);
        return decoded.Select(d => new CodecFileResult(d.Source, d.Output, d.Png.LongLength) { ImageShape = d.Shape }).ToList();
    }

    private static void RequireDistinct(IEnumerable<string> outputs)
    {
        // Ignoring case: on Windows and macOS 'A.png' and 'a.jpg' would be written to the same file.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var output in outputs)
        {
            if (!seen.Add(Path.GetFullPath(output)))
                throw new IOException($"Two inputs would both be written to '{output}' (their names differ only in the extension or in case); rename one.");
        }
    }
}
