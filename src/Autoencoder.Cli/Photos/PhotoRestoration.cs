using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Restoration;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// <c>denoise</c> and <c>inpaint</c> with a model of free size: each photo is damaged (when the command is given clean ones),
/// restored at its own size — in tiles above <see cref="FullSize.TiledAbovePixels"/> — and measured; one photo is in memory
/// at a time. Writes <c>&lt;name&gt;.png</c> (restored) and, when the command damaged it, <c>&lt;name&gt;.damaged.png</c>.
/// </summary>
internal static class PhotoRestoration
{
    /// <param name="context">Where the report goes.</param>
    /// <param name="command">The command's name, for messages: <c>denoise</c> or <c>inpaint</c>.</param>
    /// <param name="model">The loaded model, of free size.</param>
    /// <param name="photos">Clean photos when <paramref name="damage"/> is given, else already damaged ones.</param>
    /// <param name="damage">Damages one photo [1, C, H, W] (its path given for messages), or null when the photos are damaged already.</param>
    /// <param name="folder">Receives the PNGs.</param>
    /// <param name="tileSize">The tile side (<c>--tile</c>), or null for tiles only above <see cref="FullSize.TiledAbovePixels"/>.</param>
    public static int Run(CliContext context, string command, LoadedModel model, PhotoInput photos, Func<Tensor, string, Tensor>? damage, string folder, int? tileSize)
    {
        var denoiser = model.Require<IDenoisingAutoencoder>(command, "a restoration (Denoise) method");
        var outputs = new StagedOutputs(folder, photos.Paths);
        var lines = new List<string>();
        var reports = new List<RestorationReport>();
        var tiledCount = 0;
        for (var i = 0; i < photos.Count; i++)
        {
            using var scope = NewDisposeScope();
            var clean = photos.Load(i);
            var damaged = damage is null ? clean : damage(clean.unsqueeze(0), photos.Paths[i])[0];
            var restored = FullSize.Run(damaged, model.Geometry!, denoiser.Denoise, tileSize, out var tiled);
            tiledCount += tiled ? 1 : 0;
            var path = outputs.Add(photos.Name(i) + ".png", ImageFile.EncodePng(restored));
            var line = $"  {Path.GetFileName(photos.Paths[i])} ({PhotoInput.Describe(clean.shape)}{(tiled ? ", in tiles" : "")}) -> {path}";
            if (damage is not null)
            {
                outputs.Add(photos.Name(i) + ".damaged.png", ImageFile.EncodePng(damaged));
                var report = ImageRestoration.Measure(clean.unsqueeze(0), damaged.unsqueeze(0), restored.unsqueeze(0));
                reports.Add(report);
                line += string.Create(CultureInfo.InvariantCulture, $": PSNR {report.CorruptedPsnr:F2} -> {report.RestoredPsnr:F2} dB");
            }

            lines.Add(line);
        }

        outputs.WriteAll();
        foreach (var line in lines)
            context.Out.WriteLine(line);
        context.Out.WriteLine($"Restored {photos.Description} with '{model.Entry.Name}' at their own sizes into {folder}" +
                              (tiledCount > 0 ? $" ({tiledCount} in tiles)" : ""));
        if (reports.Count > 0)
        {
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Mean PSNR {reports.Average(r => r.CorruptedPsnr):F2} dB damaged -> {reports.Average(r => r.RestoredPsnr):F2} dB restored; " +
                $"SSIM {reports.Average(r => r.CorruptedSsim):F3} -> {reports.Average(r => r.RestoredSsim):F3} (the damaged photos: <name>.damaged.png)"));
        }

        return CliApp.Ok;
    }
}
