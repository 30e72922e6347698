namespace Autoencoder.Generators.Spec;

/// <summary>
/// A quantised, entropy-coded code (a learned codec), as declared by <c>[Compression(λ)]</c> or the YAML
/// <c>compression</c> map; <see cref="RateWeight"/> (λ) weighs the rate against the distortion.
/// </summary>
/// <param name="RateWeightLocation">Where λ was written: the attribute, or the YAML value node.</param>
internal sealed record CompressionSpec(double RateWeight, LocationInfo? RateWeightLocation, LocationInfo? Location) : LatentSpec(Location)
{
    /// <summary>The density of the code: factorised, or a hyperprior with the two networks below.</summary>
    public EntropyPrior Prior { get; init; }

    /// <summary>Where the prior was written; null when it was not.</summary>
    public LocationInfo? PriorLocation { get; init; }

    /// <summary>The hyper-encoder (<c>HyperEncode</c>, YAML <c>hyper_encoder</c>): the code y → side information z; null when not declared.</summary>
    public NetworkSpec? HyperEncoder { get; init; }

    /// <summary>The hyper-decoder (<c>HyperDecode</c>, YAML <c>hyper_decoder</c>): ẑ → the Gaussian parameters of y; null when not declared.</summary>
    public NetworkSpec? HyperDecoder { get; init; }
}
