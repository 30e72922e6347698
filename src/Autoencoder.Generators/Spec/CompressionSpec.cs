using Autoencoder.Generators.Diagnostics;

namespace Autoencoder.Generators.Spec
{
    /// <summary>
    /// A quantised, entropy-coded code (a learned codec), as declared by <c>[Compression(λ)]</c> or the YAML
    /// <c>compression</c> map; <see cref="Lambda"/> weighs the rate against the distortion.
    /// </summary>
    /// <param name="LambdaLocation">Where λ was written: the attribute, or the YAML value node.</param>
    internal sealed record CompressionSpec(double Lambda, LocationInfo? LambdaLocation, LocationInfo? Location) : LatentSpec(Location);
}
