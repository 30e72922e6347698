using System;
using Autoencoder.Runtime.Imaging;
using Autoencoder.Runtime.Models;
using static TorchSharp.torch;

namespace Autoencoder.Cli.Photos;

/// <summary>
/// Runs a network of free size on one photo at its own size: whole when it is small enough, otherwise through overlapping
/// tiles (<see cref="TiledInference"/>), so a 24-megapixel photo needs the memory of one tile's activations, not the photo's.
/// </summary>
internal static class FullSize
{
    /// <summary>Photos with more pixels than this (2048×2048) run in tiles unless a tile size is given.</summary>
    public const long TiledAbovePixels = 2048L * 2048;

    /// <summary>The <c>--tile</c> option of the photo commands.</summary>
    public static System.CommandLine.Option<int?> TileOption() => CommonOptions.Positive(new System.CommandLine.Option<int?>("--tile")
    {
        Description = "Photos (models of free size): run every photo in overlapping N×N tiles, N a multiple of the model's size " +
                      "multiple (default: whole photos up to 2048×2048 pixels, 512-pixel tiles above)",
        HelpName = "N",
    });

    /// <summary>A <c>--tile</c> given for a fixed-size model, which runs whole images only, is an error rather than ignored.</summary>
    public static void RequireFree(LoadedModel model, int? tileSize)
    {
        if (tileSize is not null && !model.IsFree)
            throw new CliException($"--tile: '{model.Entry.Name}' takes {model.Geometry?.ToString() ?? "vectors"} images only; tiles are for models of free size");
    }

    /// <summary>
    /// <paramref name="network"/> (batches [B, C, h, w] of any size to outputs of the same size, as the generated
    /// <c>Reconstruct</c> and <c>Denoise</c> of a free-size model are) applied to <paramref name="image"/> [C, H, W]: in tiles of
    /// <paramref name="tileSize"/> when given, else in tiles only above <see cref="TiledAbovePixels"/>.
    /// </summary>
    public static Tensor Run(Tensor image, ImageGeometry geometry, Func<Tensor, Tensor> network, int? tileSize, out bool tiled)
    {
        using var noGrad = no_grad();
        tiled = tileSize is not null || image.shape[1] * image.shape[2] > TiledAbovePixels;
        if (!tiled)
        {
            using var scope = NewDisposeScope();
            return network(image.unsqueeze(0))[0].MoveToOuterDisposeScope();
        }

        try
        {
            return TiledInference.Apply(image, geometry, network, Tiles(geometry, tileSize));
        }
        catch (ArgumentException e) when (tileSize is not null)
        {
            throw new CliException($"--tile {tileSize}: {e.Message.Split(" (Parameter")[0]}");
        }
    }

    // Deeper models see farther: the overlap grows with the size multiple (8 of its steps, at least the default), so that the
    // seams of a model with four stride-2 stages are blended over 128 pixels; a given tile keeps at most half of itself as overlap.
    private static TileOptions Tiles(ImageGeometry geometry, int? tileSize)
    {
        var overlap = Math.Max(TileOptions.DefaultOverlap, 8 * geometry.SizeMultiple);
        if (tileSize is int given)
            return new TileOptions { TileSize = given, Overlap = Math.Min(overlap, given / 2 / geometry.SizeMultiple * geometry.SizeMultiple) };
        return new TileOptions { TileSize = Math.Max(TileOptions.DefaultTileSize, 4 * overlap), Overlap = overlap };
    }
}
