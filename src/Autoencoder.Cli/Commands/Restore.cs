using System;
using System.Globalization;
using System.IO;
using Autoencoder.Runtime.Imaging;
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
    public static int Run(CliContext context, LoadedModel model, ImageInput input, Func<Tensor, Tensor>? damage, string outputDirectory)
    {
        if (File.Exists(outputDirectory))
            throw new CliException($"--out '{outputDirectory}' is a file; give a folder for the restored images");
        var restore = model.Require(h => h.Denoise, "restore", "a restoration (Denoise) method");
        using var scope = NewDisposeScope();
        var damaged = damage is null ? input.Images : damage(input.Images);
        var restored = ImageRestoration.Restore(model.Handle.Module, restore, damaged);
        var report = damage is null ? null : ImageRestoration.Measure(input.Images, damaged, restored);

        // Everything is computed before the first file is written: a failure above leaves the folder as it was.
        for (int i = 0; i < input.Count; i++)
            ImageFile.SavePng(restored[i], Path.Combine(outputDirectory, input.Name(i) + ".png"));
        var grid = Path.Combine(outputDirectory, "comparison.png");
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
}
