using System;
using System.IO;
using System.Linq;
using Autoencoder.Cli.Photos;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Models;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder decompress</c>: stream files back to PNG images.</summary>
internal static class DecompressCommand
{
    public static CliCommand Create(CliContext context)
    {
        var modelFile = CommonOptions.ModelFile();
        var input = CommonOptions.Input($"A stream file written by 'autoencoder compress', or a folder of them ({CodecFiles.StreamExtension})");
        var output = CommonOptions.Out("Folder for the decoded PNGs, one <stream name>.png per stream", "decompressed");
        var command = new CliCommand("decompress",
            "Decodes stream files written by 'autoencoder compress' back into PNG images, with the same model file. A damaged stream, " +
            "or one from another model or format version, is refused and nothing is written.")
        {
            input, modelFile, output,
        };
        command.Example("autoencoder decompress streams/ --model compress.aem --out restored/", "every .aec file of streams/ to a PNG in restored/")
            .Example("autoencoder decompress streams/00007.aec -m compress.aem", "one stream to decompressed/00007.png");
        command.SetAction(parse =>
        {
            var path = parse.GetValue(input)!;
            string[] streams = Directory.Exists(path)
                ? Directory.GetFiles(path, "*" + CodecFiles.StreamExtension).Order(StringComparer.Ordinal).ToArray()
                : File.Exists(path) ? [path] : throw new CliException($"'{path}' does not exist (expected a {CodecFiles.StreamExtension} file or a folder of them)");
            if (streams.Length == 0)
                throw new CliException($"{path}: has no {CodecFiles.StreamExtension} files");
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var codec = model.Require<ICompressionAutoencoder>("decompress", "a learned codec (a [Compression] model)").CreateCodec();
            var folder = parse.GetValue(output)!;
            if (model.IsFree)
                return PhotoCompression.Decompress(context, codec, streams, folder);
            var written = CodecFiles.Decompress(codec, streams, folder);
            context.Out.WriteLine($"Decoded {written.Count} stream{(written.Count == 1 ? "" : "s")} into {folder}");
            return CliApp.Ok;
        });
        return command;
    }
}
