using System;
using System.Collections.Generic;
using System.Linq;

namespace Autoencoder.Runtime.Compression.Baselines;

/// <summary>The classic codecs a learned codec is compared with.</summary>
public static class BaselineCodecs
{
    /// <summary>
    /// The JPEG and WebP qualities of <see cref="Standard"/>. Quality 0 reaches down to the PSNRs of strongly compressing
    /// learned codecs (on MNIST: WebP 23 dB; JPEG bottoms out at 19 dB, where its headers alone cost about 1 600 bits).
    /// </summary>
    public static IReadOnlyList<int> StandardQualities { get; } = [0, 5, 10, 20, 30, 40, 50, 60, 70, 80, 90, 95];

    /// <summary>
    /// JPEG and lossy WebP at each of <see cref="StandardQualities"/>, then lossless PNG, all for images of
    /// <paramref name="channels"/> channels (1 grayscale, 3 RGB).
    /// </summary>
    public static IReadOnlyList<SkiaImageCodec> Standard(int channels)
    {
        if (channels is not (1 or 3))
            throw new ArgumentOutOfRangeException(nameof(channels), channels, "Images have 1 (grayscale) or 3 (RGB) channels.");
        return StandardQualities.Select(q => (SkiaImageCodec)new JpegCodec(q, channels))
            .Concat(StandardQualities.Select(q => new WebPCodec(q, channels)))
            .Append(new PngCodec(channels))
            .ToArray();
    }
}
