using System;

namespace Autoencoder;

/// <summary>
/// Batch normalisation: per channel of an image [C, H, W] (BatchNorm2d) or per feature of a flat input [F]
/// (BatchNorm1d). Learns a scale and a shift per channel (2·C parameters); uses batch statistics in training and
/// their running averages in evaluation. An <see cref="Activation"/> after it makes the conv → batch norm → ReLU of
/// DnCNN and ResNets one declaration: <c>[Conv2d(64, 3, Padding = 1, Bias = false), BatchNorm(Activation = Activation.ReLU)]</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class BatchNormAttribute : LayerAttribute
{
    /// <summary>Applied to the normalised values; <see cref="Activation.None"/> unless set.</summary>
    public Activation Activation { get; set; }

    /// <summary>Slope for negative inputs of <see cref="Activation.LeakyReLU"/>; ignored by other activations.</summary>
    public double NegativeSlope { get; set; } = Defaults.NegativeSlope;
}
