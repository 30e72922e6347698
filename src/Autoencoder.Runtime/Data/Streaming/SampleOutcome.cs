using System;

namespace Autoencoder.Runtime.Data;

/// <summary>The pixels of one decoded sample, [C, Height, Width] in [0, 1], in a buffer the reader lends and takes back.</summary>
internal sealed record SamplePixels(float[] Buffer, int Height, int Width);

/// <summary>What a decode thread made of one position: pixels, a bad file (skippable by policy) or an error that ends training.</summary>
internal sealed record SampleOutcome(SamplePixels? Pixels, SkippedImage? Bad, Exception? Error)
{
    public static SampleOutcome Of(SamplePixels pixels) => new(pixels, null, null);

    public static SampleOutcome BadFile(string path, string reason) => new(null, new SkippedImage(path, reason), null);

    public static SampleOutcome Failed(Exception error) => new(null, null, error);
}
