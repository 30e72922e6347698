using System;

namespace Autoencoder;

/// <summary>
/// Generalized divisive normalization (Ballé et al. 2016), the nonlinearity of learned image codecs: each channel i of an
/// image [C, H, W] is divided by sqrt(β_i + Σ_j γ_ij x_j²), with β (C values) and γ (C×C) learned and kept positive;
/// <c>Inverse = true</c> multiplies instead (IGDN, for decoders). C + C² parameters; any height and width.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class GdnAttribute : LayerAttribute
{
    /// <summary>Multiply by the norm instead of dividing (inverse GDN, the decoder's counterpart); false unless set.</summary>
    public bool Inverse { get; set; }
}
