using System;
using System.Collections.Generic;
using Autoencoder.Runtime.Models;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// Runs a fully convolutional network over an image too large to run whole, one overlapping tile at a time, and blends
/// the tiles' outputs across their seams (see <see cref="TileOptions"/> for the overlap to choose).
/// </summary>
/// <remarks>
/// Memory: the output and one tile's activations. Tiles run one after another under <c>no_grad</c>, each in its own
/// dispose scope, so a tile's activations are freed before the next tile starts. Each tile's output is multiplied by its
/// blend weight and added into the preallocated output; the weights are separable (a row ramp times a column ramp) and
/// normalised per axis beforehand, so they already sum to 1 at every pixel and nothing is divided at the end.
/// </remarks>
public static class TiledInference
{
    /// <summary>
    /// <paramref name="network"/> applied to <paramref name="image"/> ([C, H, W], or [B, C, H, W] with every image in each
    /// tile's batch) tile by tile: an output of the same rank, height and width, with the network's channels. A tile at the
    /// bottom or right edge, or an image smaller than one tile, is padded as <see cref="AnySize"/> pads.
    /// </summary>
    /// <param name="image">The image; any height and width.</param>
    /// <param name="geometry">What the network takes: free sizes (a fully convolutional model) and the image's channels.</param>
    /// <param name="network">The network, mapping [B, C, h, w] to [B, C', h, w] for every size the geometry takes.</param>
    /// <param name="options">Tile size, overlap and edge padding; <see cref="TileOptions"/>' defaults when null.</param>
    /// <exception cref="ArgumentException">A fixed-size geometry, an image of other channels, or a tile size or overlap the geometry cannot use.</exception>
    public static Tensor Apply(Tensor image, ImageGeometry geometry, Func<Tensor, Tensor> network, TileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(geometry);
        ArgumentNullException.ThrowIfNull(network);
        options ??= new TileOptions();
        var overlap = CheckedOverlap(geometry, options);
        var batched = image.dim() == 4;
        if (!batched && image.dim() != 3)
            throw new ArgumentException($"Expected an image [C, H, W] or [B, C, H, W], got [{string.Join(", ", image.shape)}].", nameof(image));
        var channelAxis = batched ? 1 : 0;
        if (image.shape[channelAxis] != geometry.Channels)
        {
            throw new ArgumentException(
                $"The image has {image.shape[channelAxis]} channels but the model takes {geometry.Channels} ({geometry}).", nameof(image));
        }

        if (image.shape[^2] <= 0 || image.shape[^1] <= 0)
            throw new ArgumentException($"The image [{string.Join(", ", image.shape)}] has no pixels.", nameof(image));

        var rows = TileAxis.Spans(image.shape[^2], options.TileSize, geometry.SizeMultiple, overlap);
        var columns = TileAxis.Spans(image.shape[^1], options.TileSize, geometry.SizeMultiple, overlap);
        using var noGrad = no_grad();
        Tensor? output = null;
        foreach (var row in rows)
        {
            foreach (var column in columns)
                output = AddTile(image, batched, row, column, geometry, network, options.Padding, output);
        }

        return output!;
    }

    // The tile's weighted output added into the output, which the first tile allocates (in the caller's dispose scope).
    private static Tensor AddTile(
        Tensor image, bool batched, TileSpan row, TileSpan column, ImageGeometry geometry, Func<Tensor, Tensor> network, PaddingMode padding, Tensor? output)
    {
        using var scope = NewDisposeScope();
        var batch = batched ? image : image.unsqueeze(0);
        var tile = batch.narrow(2, row.Start, row.Length).narrow(3, column.Start, column.Length);
        var result = AnySize.Apply(tile, geometry, network, padding);
        if (output is null)
        {
            var shape = new List<long>(result.shape);
            shape[2] = image.shape[^2];
            shape[3] = image.shape[^1];
            if (!batched)
                shape.RemoveAt(0);
            output = zeros(shape.ToArray(), dtype: result.dtype, device: result.device).MoveToOuterDisposeScope();
        }

        using var rowWeights = tensor(row.Weights, device: result.device);
        using var columnWeights = tensor(column.Weights, device: result.device);
        var weights = outer(rowWeights, columnWeights);
        var target = (batched ? output : output.unsqueeze(0)).narrow(2, row.Start, row.Length).narrow(3, column.Start, column.Length);
        target.add_(result.mul(weights), One);
        return output;
    }

    // The overlap rounded up to the size multiple (so every tile starts on the untiled image's stride grid), after the checks.
    private static int CheckedOverlap(ImageGeometry geometry, TileOptions options)
    {
        if (!geometry.IsFree)
        {
            throw new ArgumentException(
                $"Tiles need a fully convolutional model (free height and width); this one takes {geometry} only.", nameof(geometry));
        }

        var tile = options.TileSize;
        var multiple = geometry.SizeMultiple;
        if (tile <= 0 || tile % multiple != 0)
            throw new ArgumentException($"The tile size {tile} is not a positive multiple of {multiple}, the model's size multiple ({geometry}).", nameof(options));
        if (tile < geometry.MinimumHeight || tile < geometry.MinimumWidth)
            throw new ArgumentException($"The tile size {tile} is below the model's minimum {geometry.MinimumWidth}×{geometry.MinimumHeight} ({geometry}).", nameof(options));
        if (options.Overlap < 0)
            throw new ArgumentException($"The overlap {options.Overlap} is negative.", nameof(options));
        if (options.Overlap >= tile)
            throw new ArgumentException($"The overlap {options.Overlap} must be smaller than the tile size {tile}.", nameof(options));
        var overlap = (options.Overlap + multiple - 1) / multiple * multiple;
        if (overlap >= tile)
        {
            throw new ArgumentException(
                $"The overlap {options.Overlap}, rounded up to the size multiple {multiple}, is {overlap}: not smaller than the tile size {tile}.", nameof(options));
        }

        return overlap;
    }
}
