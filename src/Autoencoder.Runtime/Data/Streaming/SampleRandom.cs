namespace Autoencoder.Runtime.Data;

/// <summary>
/// The random draws of one sample (crop place, flips, scale), from (seed, epoch, position in the epoch) alone: a
/// sample is the same whichever thread decodes it and whenever. SplitMix64, so the stream never changes with the runtime.
/// </summary>
internal struct SampleRandom
{
    private ulong _state;

    public SampleRandom(long seed, int epoch, long position)
    {
        _state = Mix(Mix(Mix((ulong)seed) ^ (ulong)(uint)epoch) ^ (ulong)position);
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextBits() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="exclusiveMax"/>).</summary>
    public int Next(int exclusiveMax) => (int)(NextDouble() * exclusiveMax);

    public bool NextBool() => (NextBits() >> 63) != 0;

    private ulong NextBits()
    {
        _state = unchecked(_state + 0x9E3779B97F4A7C15UL);
        return Mix(_state);
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
