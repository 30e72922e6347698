using System;
using System.Collections.Generic;

namespace Autoencoder.Runtime.Imaging;

/// <summary>One tile's place along an axis: the image's pixels [Start, Start + Length) and its blend weight for each of them.</summary>
internal sealed record TileSpan(long Start, long Length, float[] Weights);

/// <summary>
/// Where tiles go along one axis of an image, and how their outputs blend. Every tile starts at a multiple of the model's
/// size multiple, so it sees the same stride phase as the untiled image and its output is the untiled output wherever its
/// receptive field stays inside it. The last tile ends at the image's length rounded up to the multiple, exactly as
/// <see cref="AnySize"/> pads the whole image, so the padded bottom and right edges match too.
/// </summary>
internal static class TileAxis
{
    /// <summary>The tiles along an axis of <paramref name="length"/> pixels; their weights sum to 1 at every pixel.</summary>
    /// <param name="length">The image's side.</param>
    /// <param name="tile">The tile's side: a multiple of <paramref name="multiple"/>.</param>
    /// <param name="multiple">The model's size multiple.</param>
    /// <param name="overlap">Pixels neighbouring tiles share at least: a multiple of <paramref name="multiple"/>, below <paramref name="tile"/>.</param>
    public static IReadOnlyList<TileSpan> Spans(long length, int tile, int multiple, int overlap)
    {
        var starts = Starts(length, tile, multiple, overlap);
        var spans = new List<(long Start, long Length)>(starts.Count);
        foreach (var start in starts)
            spans.Add((start, Math.Min(tile, length - start)));

        var raw = new double[spans.Count][];
        var total = new double[length];
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, size) = spans[i];
            raw[i] = new double[size];
            for (var p = 0; p < size; p++)
            {
                // A side shared with a neighbour fades in; an image edge keeps full weight (no other tile covers it).
                var w = (i > 0 ? Ramp(p, overlap) : 1) * (i < spans.Count - 1 ? Ramp(size - 1 - p, overlap) : 1);
                raw[i][p] = w;
                total[start + p] += w;
            }
        }

        var result = new List<TileSpan>(spans.Count);
        for (var i = 0; i < spans.Count; i++)
        {
            var (start, size) = spans[i];
            var weights = new float[size];
            for (var p = 0; p < size; p++)
            {
                if (total[start + p] <= 0)
                    throw new InvalidOperationException($"No tile gives weight to pixel {start + p} of {length} (tile {tile}, overlap {overlap}).");
                weights[p] = (float)(raw[i][p] / total[start + p]);
            }

            result.Add(new TileSpan(start, size, weights));
        }

        return result;
    }

    /// <summary>
    /// The weight of a pixel <paramref name="distance"/> pixels inside a tile's shared side: 0 over the outer quarter of the
    /// overlap (where the tile's own zero padding corrupts its output), a raised cosine over the middle half, then 1.
    /// </summary>
    internal static double Ramp(long distance, int overlap)
    {
        var margin = overlap / 4;
        var rise = overlap - (2 * margin);
        if (distance < margin)
            return 0;
        if (distance >= margin + rise)
            return 1;
        return 0.5 - (0.5 * Math.Cos(Math.PI * (distance - margin + 0.5) / rise));
    }

    private static List<long> Starts(long length, int tile, int multiple, int overlap)
    {
        if (length <= tile)
            return [0];
        var padded = (length + multiple - 1) / multiple * multiple;
        var stride = tile - overlap;
        var starts = new List<long>();
        for (long start = 0; start + tile < padded; start += stride)
            starts.Add(start);
        starts.Add(padded - tile);
        return starts;
    }
}
