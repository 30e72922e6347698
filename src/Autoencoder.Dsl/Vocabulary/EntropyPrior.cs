namespace Autoencoder;

/// <summary>How a learned codec models the probability of its code (<c>[Compression(λ, Prior = ...)]</c>).</summary>
public enum EntropyPrior
{
    /// <summary>
    /// One learned density per code channel, the same at every position (Ballé et al. 2017): the encoder and decoder are the
    /// whole codec.
    /// </summary>
    Factorized = 0,

    /// <summary>
    /// The scale hyperprior (Ballé et al. 2018): a hyper-encoder (<c>HyperEncode</c>, given |y|) summarises the code y as side
    /// information z, coded under a factorised density; a hyper-decoder (<c>HyperDecode</c>) turns ẑ into one scale per element
    /// of y, which is coded as a zero-mean Gaussian of that scale. Both go into one stream.
    /// </summary>
    ScaleHyperprior = 1,

    /// <summary>
    /// The mean-and-scale hyperprior (Minnen et al. 2018, without the context model): as <see cref="ScaleHyperprior"/>, but the
    /// hyper-encoder is given y itself and the hyper-decoder gives a scale and a mean per element of y (2·M channels: the M
    /// scales, then the M means).
    /// </summary>
    MeanScaleHyperprior = 2,
}
