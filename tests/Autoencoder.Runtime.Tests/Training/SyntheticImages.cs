using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Training;

/// <summary>
/// Images in [0, 1] that are non-negative mixtures of a few fixed random patterns, so a code as wide as the
/// number of patterns can reconstruct them and a falling loss is guaranteed to be reachable.
/// </summary>
internal static class SyntheticImages
{
    public const int Pixels = 64;
    public const int Patterns = 4;

    /// <param name="count">Number of images.</param>
    /// <param name="seed">Picks the mixing weights; the patterns are the same for every call.</param>
    public static Tensor Create(int count, ulong seed)
    {
        using var patternGenerator = new Generator(12345);
        using var sampleGenerator = new Generator(seed);
        using var patterns = rand(new long[] { Patterns, Pixels }, generator: patternGenerator);
        using var weights = rand(new long[] { count, Patterns }, generator: sampleGenerator);
        using var mixed = weights.matmul(patterns);
        return mixed.div(Patterns);
    }
}
