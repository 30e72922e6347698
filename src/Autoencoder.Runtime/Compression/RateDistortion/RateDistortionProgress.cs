namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>How far a rate–distortion evaluation has got: reported after each batch of images of each codec setting.</summary>
/// <param name="Codec">The setting being measured.</param>
/// <param name="CodecIndex">Its position, from 0.</param>
/// <param name="CodecCount">How many settings are measured in all.</param>
/// <param name="ImagesDone">Images of this setting encoded and decoded so far.</param>
/// <param name="ImageCount">Images per setting.</param>
public sealed record RateDistortionProgress(string Codec, int CodecIndex, int CodecCount, int ImagesDone, int ImageCount)
{
    /// <summary>The fraction of the whole evaluation done, 0 to 1.</summary>
    public double Fraction => (CodecIndex + (double)ImagesDone / ImageCount) / CodecCount;
}
