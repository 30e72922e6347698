namespace Autoencoder.Runtime.Compression.RateDistortion;

/// <summary>One codec setting measured on a set of images: its mean rate (the real byte size) and mean distortion.</summary>
/// <param name="Family">The curve this point belongs to: <c>JPEG</c>, <c>WebP</c>, <c>PNG</c>, <c>learned</c>.</param>
/// <param name="Codec">The codec setting, as <see cref="IImageCodec.Name"/> gives it: <c>JPEG q=50</c>.</param>
/// <param name="Images">How many images were encoded.</param>
/// <param name="MeanBytes">Mean size of one image's complete file or stream, in bytes.</param>
/// <param name="BitsPerPixel">Mean bits per image divided by the pixels of one image (H × W; channels not counted).</param>
/// <param name="MeanPsnr">Mean over images of each image's PSNR in dB (peak 1); a lossless codec scores the 100 dB cap.</param>
/// <param name="MeanSsim">Mean over images of each image's SSIM; NaN when not measured or the images are smaller than the SSIM window.</param>
public sealed record RateDistortionPoint(
    string Family, string Codec, int Images, double MeanBytes, double BitsPerPixel, double MeanPsnr, double MeanSsim)
{
    /// <summary>Mean bits per image: 8 × <see cref="MeanBytes"/>.</summary>
    public double MeanBits => 8 * MeanBytes;

    /// <summary>Whether every image came back exactly: the PSNR is at the cap of <see cref="Metrics.ReconstructionMetrics.MseFloor"/>.</summary>
    public bool IsLossless => MeanPsnr >= RateDistortionEvaluator.LosslessPsnr;
}
