namespace Autoencoder.Runtime.Data;

/// <summary>A file left out under <see cref="BadImagePolicy.Skip"/>, and why.</summary>
/// <param name="Path">The file.</param>
/// <param name="Reason">What was wrong with it, e.g. "the image data is damaged or truncated".</param>
public sealed record SkippedImage(string Path, string Reason);
