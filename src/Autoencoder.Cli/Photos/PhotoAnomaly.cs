using System.Globalization;
using System.IO;
using System.Linq;
using Autoencoder.Runtime.Features;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Metrics;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// <c>anomaly</c> with a model of free size: each photo is reconstructed at its own size (in tiles when large), scored by its
/// mean squared error per pixel, and drawn as a heat map of where the error is (<see cref="ErrorHeatMap"/>, one fixed scale
/// for every photo), written to <c>heatmaps/&lt;name&gt;.png</c>; the scores, ranked worst first, to <c>scores.csv</c>.
/// </summary>
internal static class PhotoAnomaly
{
    public const string HeatMapFolder = "heatmaps";

    public static int Run(CliContext context, LoadedModel model, PhotoInput photos, string folder, double fullScale, int? tileSize)
    {
        var outputs = new StagedOutputs(folder, photos.Paths);
        var errors = new double[photos.Count];
        for (var i = 0; i < photos.Count; i++)
        {
            using var scope = NewDisposeScope();
            var photo = photos.Load(i);
            var reconstruction = FullSize.Run(photo, model.Geometry!, model.Handle.Model.Reconstruct, tileSize, out _);
            errors[i] = ReconstructionMetrics.Mse(photo.unsqueeze(0), reconstruction.unsqueeze(0));
            outputs.Add(Path.Combine(HeatMapFolder, photos.Name(i) + ".png"), ImageFile.EncodePng(ErrorHeatMap.Draw(photo, reconstruction, fullScale)));
        }

        var scores = AnomalyScores.Rank(errors, photos.Paths);
        var csv = Path.Combine(folder, "scores.csv");
        outputs.WriteAll();
        AnomalyScores.WriteCsv(csv, scores);
        context.Out.WriteLine($"Scored {photos.Description} with '{model.Entry.Name}' at their own sizes. Most anomalous:");
        foreach (var score in scores.Take(5))
            context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {score.Rank,3}. {score.Source}  error {score.Error:F5}"));
        context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"All scores: {csv}; heat maps of each photo's error (white = {fullScale:G3} or more): {Path.Combine(folder, HeatMapFolder)}"));
        return CliApp.Ok;
    }
}
