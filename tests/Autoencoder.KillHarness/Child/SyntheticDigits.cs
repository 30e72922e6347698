using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// MNIST-sized images [N, 784] in [0, 1] without a data file: each is three Gaussian blobs at random places. A seeded
/// private generator makes every process build the same tensor, which bit-identical resumes need.
/// </summary>
internal static class SyntheticDigits
{
    private const int Side = 28;
    private const int Blobs = 3;

    public static Tensor Create(int count, long seed)
    {
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)seed);
        var centres = rand(new long[] { count, Blobs, 2, 1 }, generator: generator) * (Side - 8) + 4;  // [N, 3, 2, 1]
        var widths = rand(new long[] { count, Blobs, 1, 1 }, generator: generator) * 2 + 1.5;         // [N, 3, 1, 1]
        var profiles = exp(-(arange(Side, dtype: float32) - centres).square() / (2 * widths.square())); // [N, 3, 2, 28]
        // A Gaussian blob is the outer product of its row and column profiles.
        var blobs = profiles[.., .., 0].unsqueeze(-1) * profiles[.., .., 1].unsqueeze(-2);            // [N, 3, 28, 28]
        return blobs.sum(1).clamp(0, 1).reshape(count, Side * Side).MoveToOuterDisposeScope();
    }
}
