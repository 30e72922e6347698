using Autoencoder.Generators.Diagnostics;

namespace Autoencoder.Generators.Spec
{
    /// <summary>
    /// A vector-quantised code (VQ-VAE): a codebook of <see cref="Codes"/> vectors of <see cref="Dimension"/>, as declared
    /// by <c>[VectorQuantized]</c> or the YAML <c>vector_quantizer</c> map. Null options were not set; analysis fills in
    /// the defaults and reports options that do not apply.
    /// </summary>
    /// <param name="Fields">Where each value was written: the attribute for all of them, or each YAML value node.</param>
    internal sealed record VectorQuantizerSpec(
        int Codes,
        int Dimension,
        double? CommitmentCost,
        bool? Ema,
        double? Decay,
        double? Epsilon,
        double? DeadCodeThreshold,
        VectorQuantizerLocations Fields,
        LocationInfo? Location) : LatentSpec(Location);

    /// <summary>The location of each value of a <see cref="VectorQuantizerSpec"/>; null where the value was not written.</summary>
    internal sealed record VectorQuantizerLocations(
        LocationInfo? Codes,
        LocationInfo? Dimension,
        LocationInfo? CommitmentCost,
        LocationInfo? Ema,
        LocationInfo? Decay,
        LocationInfo? Epsilon,
        LocationInfo? DeadCodeThreshold)
    {
        /// <summary>Every value at one place, as an attribute declares them.</summary>
        public static VectorQuantizerLocations All(LocationInfo? location) => new(location, location, location, location, location, location, location);
    }
}
