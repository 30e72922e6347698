using System;
using Autoencoder.Runtime.Compression.Baselines;

namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>One codec setting to evaluate and the family whose curve it is a point of (<c>JPEG</c>, <c>learned</c>).</summary>
public sealed record RateDistortionEntry(string Family, IImageCodec Codec)
{
    /// <summary>
    /// The entry of <paramref name="codec"/>: a baseline's <see cref="SkiaImageCodec.Family"/>, otherwise the first word of its
    /// <see cref="IImageCodec.Name"/>: a generated codec's model class (<c>MnistCodec λ=0.01</c> → <c>MnistCodec</c>), so each model is one curve.
    /// </summary>
    public static RateDistortionEntry For(IImageCodec codec)
    {
        ArgumentNullException.ThrowIfNull(codec);
        if (codec is SkiaImageCodec baseline)
            return new RateDistortionEntry(baseline.Family, codec);
        var name = codec.Name.Trim();
        var space = name.IndexOf(' ');
        return new RateDistortionEntry(space < 0 ? name : name[..space], codec);
    }
}
