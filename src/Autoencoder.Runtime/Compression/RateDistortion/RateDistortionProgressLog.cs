using System;
using System.IO;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>
/// Progress of <see cref="RateDistortionEvaluator"/> as one line per finished codec setting ("[3/30] JPEG q=10"): on 10,000
/// images each setting takes seconds, and a line per batch would flood a log.
/// </summary>
public sealed class RateDistortionProgressLog(TextWriter log, string prefix = "") : IProgress<RateDistortionProgress>
{
    private int _reported = -1;

    /// <inheritdoc />
    public void Report(RateDistortionProgress value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.ImagesDone != value.ImageCount || value.CodecIndex == _reported)
            return;
        _reported = value.CodecIndex;
        log.WriteLine($"{prefix}[{value.CodecIndex + 1}/{value.CodecCount}] {value.Codec}");
    }
}
