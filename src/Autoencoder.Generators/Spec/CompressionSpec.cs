namespace Autoencoder.Generators.Spec;

/// <summary>
/// A quantised, entropy-coded code (a learned codec), as declared by <c>[Compression(λ)]</c> or the YAML
/// <c>compression</c> map; <see cref="RateWeight"/> (λ) weighs the rate against the distortion.
/// </summary>
/// <param name="RateWeightLocation">Where λ was written: the attribute, or the YAML value node.</param>
internal sealed record CompressionSpec(double RateWeight, LocationInfo? RateWeightLocation, LocationInfo? Location) : LatentSpec(Location);
