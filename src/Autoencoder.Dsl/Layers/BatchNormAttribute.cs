using System;

namespace Autoencoder;

/// <summary>
/// Batch normalisation: per channel of an image [C, H, W] (BatchNorm2d) or per feature of a flat input [F]
/// (BatchNorm1d). Learns a scale and a shift per channel (2·C parameters); uses batch statistics in training and
/// their running averages in evaluation.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormAttribute : LayerAttribute
{
}
