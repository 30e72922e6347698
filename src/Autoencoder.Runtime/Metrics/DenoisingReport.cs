namespace Autoencoder.Runtime.Metrics;

/// <summary>Restoration quality over a data set; see <see cref="DenoisingMetrics"/> for the definitions.</summary>
/// <param name="NoisyMse">MSE of the corrupted images against the clean ones, over all elements.</param>
/// <param name="NoisyPsnr">PSNR (dB) of the corrupted images against the clean ones, averaged over images.</param>
/// <param name="RestoredMse">MSE of the restored images against the clean ones, over all elements.</param>
/// <param name="RestoredPsnr">PSNR (dB) of the restored images against the clean ones, averaged over images.</param>
/// <param name="Count">Number of images evaluated.</param>
public sealed record DenoisingReport(double NoisyMse, double NoisyPsnr, double RestoredMse, double RestoredPsnr, int Count)
{
    /// <summary>How many dB the restoration gains over the corrupted input: <see cref="RestoredPsnr"/> − <see cref="NoisyPsnr"/>.</summary>
    public double PsnrGain => RestoredPsnr - NoisyPsnr;
}
