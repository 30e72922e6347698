using System.CommandLine;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Compression;
using Autoencoder.Runtime.Metrics;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary><c>autoencoder evaluate</c>: the rate–distortion figures of a compression model on MNIST test images.</summary>
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
        var command = new CliCommand("evaluate",
            "Measures a trained compression model: compresses every image to a real bitstream, decodes it, and prints the rate " +
            "(bits per image and per pixel, from the stream sizes) against the distortion (PSNR and SSIM).")
        {
            modelFile, data, limit,
        };
        command.Example("autoencoder evaluate --model compress.aem", "rate and distortion on the 10,000 MNIST test digits")
            .Example("autoencoder evaluate -m compress.aem --limit 1000", "a quicker measurement on the first 1,000");
        command.SetAction(parse =>
        {
            using var model = LoadedModel.Load(parse.GetValue(modelFile)!);
            var codec = model.Require(h => h.Codec, "evaluate", "a learned codec (a [Compression] model)")();
            using var images = ImageInput.Load(parse.GetValue(data)!, model.Layout, "test", parse.GetValue(limit));
            // Seam: Compression.RateDistortion (being written) measures codecs the same way and adds the JPEG, WebP and PNG
            // rows and the plot; this command will print its table. Until then it measures the learned codec alone.
            long bytes = 0;
            using var scope = NewDisposeScope();
            var decoded = new Tensor[images.Count];
            for (int i = 0; i < images.Count; i++)
            {
                var stream = codec.Encode(images.Images[i]);
                bytes += stream.Length;
                decoded[i] = codec.Decode(stream);
            }
            var restored = stack(decoded);
            double psnr = System.Linq.Enumerable.Average(ReconstructionMetrics.PsnrPerImage(restored, images.Images));
            double ssim = Ssim.Mean(restored, images.Images);
            double bitsPerImage = bytes * 8.0 / images.Count;
            context.Out.WriteLine($"Rate and distortion on {images.Description}:");
            context.Out.WriteLine("codec                bits/image  bits/pixel  PSNR (dB)   SSIM");
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{codec.Name,-20} {bitsPerImage,10:F1}  {bitsPerImage / (model.Layout.Height * model.Layout.Width),10:F4}  {psnr,9:F2}  {ssim,6:F4}"));
            return CliApp.Ok;
        });
        return command;
    }
}
