namespace Autoencoder.Runtime.Reporting;

/// <summary>One named number measured after an epoch, e.g. <c>validation_psnr</c>.</summary>
/// <param name="Name">Lower-case with underscores: it becomes a JSON key and part of a TensorBoard tag.</param>
/// <param name="Value">The measurement; may be NaN or infinite.</param>
public readonly record struct EpochMetric(string Name, double Value);
