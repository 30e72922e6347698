using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Restoration;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Commands;

/// <summary>What <c>denoise</c> and <c>inpaint</c> share: damage (optionally), restore, measure, write the PNGs and the grid.</summary>
internal static class Restore
{
    /// <param name="context">Where the report goes.</param>
    /// <param name="model">The loaded model.</param>
    /// <param name="input">The images: clean originals when <paramref name="damage"/> is given, else already damaged.</param>
    /// <param name="damage">How to damage clean originals, or null when the inputs are the damaged images.</param>
    /// <param name="outputDirectory">Receives one restored PNG per image and comparison.png.</param>
    /// <param name="command">The command's name, for messages: <c>denoise</c> or <c>inpaint</c>.</param>
    public static int Run(CliContext context, string command, LoadedModel model, ImageInput input, Func<Tensor, Tensor>? damage, string outputDirectory)
    {
        if (File.Exists(outputDirectory))
            throw new CliException($"--out '{outputDirectory}' is a file; give a folder for the restored images");
        var denoiser = model.Require<IDenoisingAutoencoder>(command, "a restoration (Denoise) method");
        var outputs = OutputPaths(input, outputDirectory);
        using var scope = NewDisposeScope();
        var damaged = damage is null ? input.Images : damage(input.Images);
        var restored = ImageRestoration.Restore(denoiser, damaged);
        var report = damage is null ? null : ImageRestoration.Measure(input.Images, damaged, restored);

        // Everything is computed before the first file is written: a failure above leaves the folder as it was.
        for (int i = 0; i < input.Count; i++)
            ImageFile.SavePng(restored[i], outputs[i]);
        var grid = Path.Combine(outputDirectory, GridName);
        ImageRestoration.SaveGrid(grid, damaged, restored, damage is null ? null : input.Images);

        context.Out.WriteLine($"Restored {input.Description} with '{model.Entry.Name}' into {outputDirectory}");
        if (report is not null)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"PSNR {report.CorruptedPsnr:F2} dB corrupted -> {report.RestoredPsnr:F2} dB restored ({report.PsnrGain:+0.00;-0.00} dB); SSIM {report.CorruptedSsim:F3} -> {report.RestoredSsim:F3}"));
        }
        context.Out.WriteLine($"Before/after grid: {grid}" + (damage is null ? " (damaged above restored)" : " (originals, corrupted, restored)"));
        return CliApp.Ok;
    }

    private const string GridName = "comparison.png";

    /// <summary>
    /// One PNG per input, checked before anything is computed: two inputs may not share an output (a.png and a.jpg),
    /// none may be called like the grid, and no output may replace an input file (--out set to the input folder).
    /// </summary>
    private static string[] OutputPaths(ImageInput input, string outputDirectory)
    {
        var inputs = new HashSet<string>((input.Paths ?? []).Select(Path.GetFullPath), StringComparer.OrdinalIgnoreCase);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { Path.GetFullPath(Path.Combine(outputDirectory, GridName)) };
        var outputs = new string[input.Count];
        for (int i = 0; i < input.Count; i++)
        {
            outputs[i] = Path.Combine(outputDirectory, input.Name(i) + ".png");
            var full = Path.GetFullPath(outputs[i]);
            if (inputs.Contains(full))
                throw new CliException($"'{outputs[i]}' is one of the input images; give --out a folder that holds no inputs");
            if (!seen.Add(full))
                throw new CliException($"two inputs would both be written to '{outputs[i]}' (or it is the grid's name); rename one");
        }

        return outputs;
    }
}
