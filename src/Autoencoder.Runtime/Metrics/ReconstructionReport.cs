namespace Autoencoder.Runtime.Metrics;

/// <summary>Reconstruction quality over a data set; see <see cref="ReconstructionMetrics"/> for the definitions.</summary>
/// <param name="Mse">Mean squared error over all elements.</param>
/// <param name="Bce">Mean binary cross-entropy over all elements (meaningful for data in [0, 1]).</param>
/// <param name="Psnr">Per-image PSNR in dB averaged over images, for a peak value of 1.</param>
/// <param name="Count">Number of images evaluated.</param>
public sealed record ReconstructionReport(double Mse, double Bce, double Psnr, int Count);
