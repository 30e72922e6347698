namespace Autoencoder.Generators.Spec;

/// <summary>
/// A vector-quantised code (VQ-VAE): a codebook of <see cref="Codes"/> vectors of <see cref="Dimension"/>, as declared
/// by <c>[VectorQuantized]</c> or the YAML <c>vector_quantized</c> map. Null options were not set; analysis fills in
/// the defaults and reports options that do not apply.
/// </summary>
/// <param name="Fields">Where each value was written: the attribute for all of them, or each YAML value node.</param>
internal sealed record VectorQuantizedSpec(
    int Codes,
    int Dimension,
    double? CommitmentWeight,
    bool? Ema,
    double? CodebookDecay,
    double? CodebookEpsilon,
    double? DeadCodeThreshold,
    VectorQuantizedLocations Fields,
    LocationInfo? Location) : LatentSpec(Location);

/// <summary>The location of each value of a <see cref="VectorQuantizedSpec"/>; null where the value was not written.</summary>
internal sealed record VectorQuantizedLocations(
    LocationInfo? Codes,
    LocationInfo? Dimension,
    LocationInfo? CommitmentWeight,
    LocationInfo? Ema,
    LocationInfo? CodebookDecay,
    LocationInfo? CodebookEpsilon,
    LocationInfo? DeadCodeThreshold)
{
    /// <summary>Every value at one place, as an attribute declares them.</summary>
    public static VectorQuantizedLocations All(LocationInfo? location) => new(location, location, location, location, location, location, location);
}
