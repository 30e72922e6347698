using System;

namespace Autoencoder;

/// <summary>
/// Opens a residual block: the layers between this attribute and the next matching <see cref="EndResidualAttribute"/>
/// form the block's body, and the block's output is <c>activation(body(x) + x)</c>. When the body changes the shape,
/// the input is projected to the body's output shape first (a 1×1 convolution for images, strided or transposed when
/// the size changes by a whole factor; a bias-free linear layer for flat inputs). Blocks may be nested.
/// </summary>
/// <example>
/// <code>
/// [Residual(Activation.ReLU)]
///     [Conv2d(32, 3, Activation.ReLU, SamePadding = true)]
///     [Conv2d(32, 3, SamePadding = true)]
/// [EndResidual]
/// </code>
/// </example>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class ResidualAttribute : LayerAttribute
{
    /// <summary>Opens a residual block.</summary>
    /// <param name="activation">Nonlinearity applied after the input is added (ResNet uses ReLU).</param>
    public ResidualAttribute(Activation activation = Activation.None) => Activation = activation;

    /// <summary>Nonlinearity applied after the input is added.</summary>
    public Activation Activation { get; }

    /// <summary>Slope for negative inputs when <see cref="Activation"/> is LeakyReLU; 0.01 unless set.</summary>
    public double NegativeSlope { get; set; } = Defaults.NegativeSlope;
}
