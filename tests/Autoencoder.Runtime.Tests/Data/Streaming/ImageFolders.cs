using System.IO;
using System.Linq;
using Autoencoder.Runtime.Imaging;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Data.Streaming;

/// <summary>
/// Folders of small PNGs written for a test: smooth waves with a random direction and phase per image and channel,
/// different everywhere (so crops, flips and scales show) and easy enough for a tiny autoencoder to learn.
/// </summary>
internal static class ImageFolders
{
    public static void Write(string folder, int count, int width, int height, int channels = 3, ulong seed = 1, string prefix = "img")
    {
        Directory.CreateDirectory(folder);
        using var generator = new Generator(seed);
        for (int i = 0; i < count; i++)
        {
            using var scope = NewDisposeScope();
            ImageFile.SavePng(Wave(width, height, channels, generator), Path.Combine(folder, $"{prefix}{i:D3}.png"));
        }
    }

    /// <summary>
    /// Two files an image folder must report rather than train on: bytes that are no image at all, and a PNG cut in the
    /// middle of its pixel data (its header reads well, so only decoding finds out). Returns their paths.
    /// </summary>
    public static (string Garbage, string Truncated) WriteDamaged(string folder, int width, int height)
    {
        Directory.CreateDirectory(folder);
        string garbage = Path.Combine(folder, "damaged-garbage.png");
        File.WriteAllBytes(garbage, [.. Enumerable.Range(0, 512).Select(i => (byte)(i * 37))]);

        string truncated = Path.Combine(folder, "damaged-truncated.png");
        using (var scope = NewDisposeScope())
        using (var generator = new Generator(99))
            ImageFile.SavePng(Wave(width, height, 3, generator), truncated);
        var whole = File.ReadAllBytes(truncated);
        File.WriteAllBytes(truncated, whole[..(whole.Length / 2)]);
        return (garbage, truncated);
    }

    /// <summary>[C, H, W] in [0, 1]: 0.5 + 0.4 sin(a x + b y + c), a, b, c drawn per channel.</summary>
    public static Tensor Wave(int width, int height, int channels, Generator generator)
    {
        var parameters = rand(new long[] { channels, 3, 1, 1 }, generator: generator);
        var y = arange(height, dtype: float32).reshape(1, height, 1);
        var x = arange(width, dtype: float32).reshape(1, 1, width);
        var a = (parameters[.., 0] * 0.6) + 0.05;
        var b = (parameters[.., 1] * 0.6) + 0.05;
        var c = parameters[.., 2] * 6.28;
        return sin((a * x) + (b * y) + c) * 0.4 + 0.5;
    }
}
