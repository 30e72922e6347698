namespace Autoencoder.Generators.Spec;

/// <summary>
/// A variational code: the encoder's flat features feed two dense heads, the mean and log-variance of a diagonal
/// Gaussian q(z | x) with <see cref="LatentSize"/> dimensions, and the model trains on the (β-weighted) negative ELBO.
/// Declared by <c>[Variational]</c> or YAML <c>variational:</c>; values are as written, validated by analysis.
/// </summary>
internal sealed record VariationalSpec(int LatentSize, double KlWeight, Likelihood Likelihood, bool BinarizeInputs, LocationInfo? Location)
    : LatentSpec(Location);
