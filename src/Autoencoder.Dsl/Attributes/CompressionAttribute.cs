using System;

namespace Autoencoder;

/// <summary>
/// Makes the autoencoder a learned image codec (Ballé et al. 2017/2018): the code is quantised — additive uniform noise
/// U(−½, ½) while training, rounding to integers at inference — and its rate is modelled by a learned factorised density
/// per channel, so the loss becomes distortion + λ·rate (rate in bits per pixel): <c>[Compression(0.01)]</c>.
/// The generated model compresses images to real bitstreams (range-coded, with a versioned header naming the model) and
/// decompresses them. With <see cref="Prior"/> a hyperprior, the class also declares the hyper-transforms as partial
/// methods with layer attributes, as it declares Encode and Decode: <c>HyperEncode</c> (the code y → side information z)
/// and <c>HyperDecode</c> (ẑ → a scale, or a scale and a mean, per element of y).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CompressionAttribute : Attribute
{
    /// <summary>Declares the rate–distortion trade-off.</summary>
    /// <param name="rateWeight">λ, the weight of the rate (bits per pixel) against the distortion (the declared loss); above 0.
    /// Larger values give smaller files and worse reconstructions.</param>
    public CompressionAttribute(double rateWeight)
    {
        RateWeight = rateWeight;
    }

    /// <summary>λ, the weight of the rate (bits per pixel) against the distortion; above 0.</summary>
    public double RateWeight { get; }

    /// <summary>How the code's probability is modelled: a factorised density (the default) or a hyperprior.</summary>
    public EntropyPrior Prior { get; set; }

    /// <summary>The former name of <see cref="RateWeight"/>.</summary>
    [Obsolete("Renamed RateWeight: every loss-term weight is named after its term.")]
    public double Lambda => RateWeight;
}
