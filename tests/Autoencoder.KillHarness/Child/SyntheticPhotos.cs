using System.IO;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.KillHarness.Child;

/// <summary>
/// A folder of small colour PNGs for the --images mode, written once by the parent: smooth waves of random direction and
/// phase per image and channel, so patches differ with their place, flips and scale. One damaged file goes with them,
/// which the children skip, so skipping is resumed too.
/// </summary>
internal static class SyntheticPhotos
{
    public const int Width = 40;
    public const int Height = 32;

    public static void Write(string folder, int count, long seed)
    {
        Directory.CreateDirectory(folder);
        using var generator = new Generator((ulong)seed);
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            ImageFile.SavePng(Wave(generator), Path.Combine(folder, $"photo-{i:D4}.png"));
        }
        File.WriteAllText(Path.Combine(folder, "damaged.png"), "not an image");
    }

    /// <summary>[3, H, W] in [0, 1]: 0.5 + 0.4 sin(a x + b y + c), a, b and c drawn per channel.</summary>
    private static Tensor Wave(Generator generator)
    {
        var parameters = rand(new long[] { 3, 3, 1, 1 }, generator: generator);
        var y = arange(Height, dtype: float32).reshape(1, Height, 1);
        var x = arange(Width, dtype: float32).reshape(1, 1, Width);
        var a = (parameters[.., 0] * 0.6) + 0.05;
        var b = (parameters[.., 1] * 0.6) + 0.05;
        var c = parameters[.., 2] * 6.28;
        return (sin((a * x) + (b * y) + c) * 0.4) + 0.5;
    }
}
