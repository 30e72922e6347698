namespace Autoencoder.Generators.Spec;

/// <summary>
/// A code that is not a plain tensor: a Gaussian posterior (variational) or a vector-quantised one. Null on
/// <see cref="ModelSpec.Latent"/> for a deterministic autoencoder.
/// </summary>
internal abstract record LatentSpec(LocationInfo? Location);
