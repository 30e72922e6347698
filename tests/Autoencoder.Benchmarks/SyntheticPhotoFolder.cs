using System;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using SkiaSharp;

namespace Autoencoder.Benchmarks;

/// <summary>
/// Writes a folder of generated colour PNGs for the streaming benchmarks, in subfolders of 1,000 (part-000, part-001, …)
/// so that one subfolder is a smaller folder of the same images. Each image is two crossing waves per channel with its
/// own directions and phases: smooth, so the files stay small and quick to write, yet every crop differs.
/// </summary>
internal static class SyntheticPhotoFolder
{
    public const int ImagesPerPart = 1_000;

    public static string PartFolder(string root, int part) =>
        Path.Combine(root, string.Create(CultureInfo.InvariantCulture, $"part-{part:D3}"));

    /// <summary>Writes <paramref name="count"/> PNGs of <paramref name="side"/>² pixels on every core; returns their bytes in all.</summary>
    public static long Write(string root, int count, int side)
    {
        for (int part = 0; part * ImagesPerPart < count; part++)
            Directory.CreateDirectory(PartFolder(root, part));
        long bytes = 0;
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var png = Encode(i, side);
            File.WriteAllBytes(Path.Combine(PartFolder(root, i / ImagesPerPart), string.Create(CultureInfo.InvariantCulture, $"photo-{i:D5}.png")), png);
            System.Threading.Interlocked.Add(ref bytes, png.Length);
        });
        return bytes;
    }

    private static byte[] Encode(int index, int side)
    {
        var random = new Random(index);
        var pixels = new byte[side * side * 4];
        var sinX = new float[side];
        var cosX = new float[side];
        var sinY = new float[side];
        var cosY = new float[side];
        for (int channel = 0; channel < 3; channel++)
        {
            // sin(a x + b y + c) = sin(a x) cos(b y + c) + cos(a x) sin(b y + c): four tables instead of a sine per pixel.
            double a = 0.005 + (0.1 * random.NextDouble()), b = 0.005 + (0.1 * random.NextDouble()), c = 6.28 * random.NextDouble();
            for (int i = 0; i < side; i++)
            {
                sinX[i] = (float)Math.Sin(a * i);
                cosX[i] = (float)Math.Cos(a * i);
                sinY[i] = (float)Math.Sin((b * i) + c);
                cosY[i] = (float)Math.Cos((b * i) + c);
            }
            for (int y = 0; y < side; y++)
            {
                int row = y * side * 4;
                for (int x = 0; x < side; x++)
                    pixels[row + (x * 4) + channel] = (byte)(127.5f + (110f * ((sinX[x] * cosY[y]) + (cosX[x] * sinY[y]))));
            }
        }
        for (int p = 3; p < pixels.Length; p += 4)
            pixels[p] = 255;

        var info = new SKImageInfo(side, side, SKColorType.Rgba8888, SKAlphaType.Opaque);
        var handle = GCHandle.Alloc(pixels, GCHandleType.Pinned);
        try
        {
            using var pixmap = new SKPixmap(info, handle.AddrOfPinnedObject(), info.RowBytes);
            using var data = pixmap.Encode(new SKPngEncoderOptions(SKPngEncoderFilterFlags.Sub, zLibLevel: 1))
                ?? throw new InvalidOperationException("Skia could not encode a PNG.");
            return data.ToArray();
        }
        finally
        {
            handle.Free();
        }
    }
}
