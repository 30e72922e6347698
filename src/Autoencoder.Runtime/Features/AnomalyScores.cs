using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.IO;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Restoration;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>One image's anomaly score: its place in the ranking (1 = most anomalous), its index in the data set, its reconstruction error and where it came from.</summary>
public sealed record AnomalyScore(int Rank, int Index, double Error, string? Source);

/// <summary>
/// Anomaly scores from an autoencoder: an image unlike the training data is reconstructed badly, so its reconstruction
/// error (mean squared error per pixel) ranks it. The scores, ranked worst first, go to a CSV file and the top ones to
/// a PNG grid of the images above their reconstructions.
/// </summary>
public static class AnomalyScores
{
    /// <summary>
    /// Scores every image of <paramref name="inputs"/> [N, ...] by the mean squared error between it and the model's
    /// reconstruction (<see cref="IAutoencoder.Reconstruct"/>), ranked worst first (ties keep the data set's order).
    /// </summary>
    /// <param name="model">The model; run in evaluation mode, its mode restored after.</param>
    /// <param name="inputs">The images to score.</param>
    /// <param name="sources">Optional: the file each image came from, reported with its score.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static IReadOnlyList<AnomalyScore> Rank(IAutoencoder model, Tensor inputs, IReadOnlyList<string>? sources = null, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Rank(model.Module, model.Reconstruct, inputs, sources, batchSize);
    }

    /// <summary>
    /// Scores every image of <paramref name="inputs"/> [N, ...] by the mean squared error between it and
    /// <paramref name="reconstruct"/>'s output, ranked worst first (ties keep the data set's order).
    /// </summary>
    /// <param name="model">The module behind <paramref name="reconstruct"/>; run in evaluation mode, its mode restored after.</param>
    /// <param name="reconstruct">Images [B, ...] to reconstructions in data space (the generated <c>Reconstruct</c>).</param>
    /// <param name="inputs">The images to score.</param>
    /// <param name="sources">Optional: the file each image came from, reported with its score.</param>
    /// <param name="batchSize">Images per forward pass.</param>
    public static IReadOnlyList<AnomalyScore> Rank(
        nn.Module model, Func<Tensor, Tensor> reconstruct, Tensor inputs, IReadOnlyList<string>? sources = null, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        if (sources is not null && sources.Count != inputs.shape[0])
            throw new ArgumentException($"Expected one source per image ({inputs.shape[0]}), got {sources.Count}.", nameof(sources));
        double[] errors;
        using (var restored = ImageRestoration.Restore(model, reconstruct, inputs, batchSize))
        using (NewDisposeScope())
        {
            var diff = restored.to_type(ScalarType.Float64) - inputs.to(CPU).to_type(ScalarType.Float64);
            errors = diff.pow(Of(2L)).reshape(inputs.shape[0], -1).mean([1L]).data<double>().ToArray();
        }
        return Rank(errors, sources);
    }

    /// <summary>
    /// Ranks already computed errors, one per image, worst first (NaN counts as the worst; ties keep the data set's order),
    /// e.g. of photos of different sizes, each scored on its own.
    /// </summary>
    public static IReadOnlyList<AnomalyScore> Rank(IReadOnlyList<double> errors, IReadOnlyList<string>? sources = null)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (sources is not null && sources.Count != errors.Count)
            throw new ArgumentException($"Expected one source per error ({errors.Count}), got {sources.Count}.", nameof(sources));
        return errors
            .Select((error, index) => (error, index))
            .OrderByDescending(s => double.IsNaN(s.error) ? double.PositiveInfinity : s.error)
            .ThenBy(s => s.index)
            .Select((s, rank) => new AnomalyScore(rank + 1, s.index, s.error, sources?[s.index]))
            .ToList();
    }

    /// <summary>Writes the ranking as CSV, atomically: <c>rank,index,error,source</c>, one row per image, worst first.</summary>
    public static void WriteCsv(string path, IReadOnlyList<AnomalyScore> scores)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(scores);
        AtomicFile.Write(path, stream =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            writer.WriteLine("rank,index,error,source");
            foreach (var score in scores)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{score.Rank},{score.Index},{score.Error:R},{Quote(score.Source)}"));
            }
        });
    }

    /// <summary>
    /// Saves the <paramref name="count"/> worst-ranked images of <paramref name="inputs"/> in one row and the model's
    /// reconstructions of them below, as one PNG (atomically).
    /// </summary>
    public static void SaveTopGrid(string path, IAutoencoder model, Tensor inputs, IReadOnlyList<AnomalyScore> scores, int count)
    {
        ArgumentNullException.ThrowIfNull(model);
        SaveTopGrid(path, model.Module, model.Reconstruct, inputs, scores, count);
    }

    /// <summary>
    /// Saves the <paramref name="count"/> worst-ranked images of <paramref name="inputs"/> in one row and their
    /// reconstructions below, as one PNG (atomically).
    /// </summary>
    public static void SaveTopGrid(
        string path, nn.Module model, Func<Tensor, Tensor> reconstruct, Tensor inputs, IReadOnlyList<AnomalyScore> scores, int count)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        if (scores.Count == 0)
            throw new ArgumentException("There are no scores to draw.", nameof(scores));
        using var scope = NewDisposeScope();
        var top = tensor(scores.Take(count).Select(s => (long)s.Index).ToArray());
        var worst = inputs.to(CPU).index_select(0, top).to_type(ScalarType.Float32);
        var reconstructed = ImageRestoration.Restore(model, reconstruct, worst);
        ImageGrid.SaveComparison(worst, reconstructed, path);
    }

    // A file name may hold a comma or a quote: quote it as RFC 4180 does.
    private static string Quote(string? source) =>
        source is null ? "" : source.IndexOfAny([',', '"', '\n', '\r']) < 0 ? source : "\"" + source.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
