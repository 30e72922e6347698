using System;

namespace Autoencoder;

/// <summary>
/// Layer normalisation: normalises each sample over its whole shape ([F], or all of [C, H, W]) to zero mean and unit
/// variance, then learns a scale and a shift per element (2·F or 2·C·H·W parameters), like PyTorch's
/// <c>nn.LayerNorm(x.shape[1:])</c>. Unlike <see cref="BatchNormAttribute"/> it does not depend on the batch, so
/// training and evaluation compute the same. For one scale and shift per channel instead, use <c>[GroupNorm(1)]</c>,
/// which normalises over the same values.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class LayerNormAttribute : LayerAttribute
{
    /// <summary>Added to the variance before its square root, to keep the division finite; a finite number &gt; 0, 1e-5 unless set.</summary>
    public double Epsilon { get; set; } = Defaults.NormEpsilon;
}
