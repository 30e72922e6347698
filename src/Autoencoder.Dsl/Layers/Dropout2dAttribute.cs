using System;

namespace Autoencoder;

/// <summary>
/// Zeroes whole channels of an image input [C, H, W] with probability <c>rate</c> during training and rescales the
/// rest; identity in evaluation. Neighbouring pixels are correlated, so dropping single pixels regularises little.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class Dropout2dAttribute : LayerAttribute
{
    /// <summary>Declares channel dropout.</summary>
    /// <param name="rate">Probability of zeroing a channel, in [0, 1).</param>
    public Dropout2dAttribute(double rate) => Rate = rate;

    /// <summary>Probability of zeroing a channel.</summary>
    public double Rate { get; }
}
