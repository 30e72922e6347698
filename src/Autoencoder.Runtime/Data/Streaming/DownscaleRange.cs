using System;
using System.Globalization;

namespace Autoencoder.Runtime.Data;

/// <summary>The range a random downscale factor is drawn from, uniformly: 0 &lt; <paramref name="Min"/> ≤ <paramref name="Max"/> ≤ 1.</summary>
/// <param name="Min">The strongest shrink, e.g. 0.5 (half the size).</param>
/// <param name="Max">The weakest shrink; 1 keeps the file's scale.</param>
public sealed record DownscaleRange(double Min, double Max)
{
    internal void Validate(string paramName)
    {
        if (!(Min > 0 && Min <= Max && Max <= 1))
            throw new ArgumentOutOfRangeException(paramName, this, "A downscale range needs 0 < Min <= Max <= 1.");
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Min:R}-{Max:R}");
}
