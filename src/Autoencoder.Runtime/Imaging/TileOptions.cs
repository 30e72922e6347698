namespace Autoencoder.Runtime.Imaging;

/// <summary>
/// How <see cref="TiledInference"/> cuts an image: square tiles of <see cref="TileSize"/> pixels that share at least
/// <see cref="Overlap"/> pixels with their neighbours.
/// </summary>
/// <remarks>
/// Near a tile's border the network sees its own zero padding instead of the neighbouring pixels, so its output there is
/// wrong by up to the network's receptive radius R (the input pixels one output pixel depends on, each side). The blend
/// gives no weight to the outer quarter of the overlap, so an overlap of at least 4·R gives the untiled result up to float
/// rounding; a smaller one leaves a damped error along the seams. Larger overlaps cost time, not memory: each pixel is
/// computed about (TileSize / (TileSize − Overlap))² times.
/// </remarks>
public sealed record TileOptions
{
    /// <summary>The default tile side: 512 pixels (a 64-channel activation of one tile is 64 MiB in float).</summary>
    public const int DefaultTileSize = 512;

    /// <summary>
    /// The default overlap: 64 pixels, exact for receptive radii up to 16 pixels (two stride-2 stages of 3×3 convolutions
    /// and their decoder) at about 1.3 times the untiled work with 512-pixel tiles; deeper networks want more.
    /// </summary>
    public const int DefaultOverlap = 64;

    /// <summary>The tile's side in pixels: a multiple of the model's size multiple, at least its minimum height and width.</summary>
    public int TileSize { get; init; } = DefaultTileSize;

    /// <summary>Pixels neighbouring tiles share at least; rounded up to the model's size multiple, and below <see cref="TileSize"/>.</summary>
    public int Overlap { get; init; } = DefaultOverlap;

    /// <summary>How a tile at the image's bottom or right edge is padded to a size the model takes (as <see cref="AnySize"/> pads).</summary>
    public PaddingMode Padding { get; init; } = PaddingMode.Replicate;
}
