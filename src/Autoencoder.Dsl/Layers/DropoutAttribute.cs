using System;

namespace Autoencoder;

/// <summary>Zeroes each element with probability <c>rate</c> during training and rescales the rest; identity in evaluation.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DropoutAttribute : LayerAttribute
{
    /// <summary>Declares a dropout layer.</summary>
    /// <param name="rate">Probability of zeroing an element, in [0, 1).</param>
    public DropoutAttribute(double rate) => Rate = rate;

    /// <summary>Probability of zeroing an element.</summary>
    public double Rate { get; }
}
