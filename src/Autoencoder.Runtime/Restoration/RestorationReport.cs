namespace Autoencoder.Runtime.Restoration;

/// <summary>
/// How much a restoration helped, against the clean originals: mean per-image PSNR (dB, peak 1) and SSIM of the
/// corrupted inputs and of the restored images.
/// </summary>
public sealed record RestorationReport(int Images, double CorruptedPsnr, double RestoredPsnr, double CorruptedSsim, double RestoredSsim)
{
    /// <summary>Restored minus corrupted PSNR: what the model gained, in dB.</summary>
    public double PsnrGain => RestoredPsnr - CorruptedPsnr;
}
