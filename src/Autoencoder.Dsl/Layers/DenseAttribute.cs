using System;

namespace Autoencoder;

/// <summary>A fully connected layer over a flat input: y = activation(x·Wᵀ + b).</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class DenseAttribute : LayerAttribute
{
    /// <summary>Declares a dense layer.</summary>
    /// <param name="units">Output features.</param>
    /// <param name="activation">Nonlinearity after the affine map.</param>
    public DenseAttribute(int units, Activation activation = Activation.None)
    {
        Units = units;
        Activation = activation;
    }

    /// <summary>Output features.</summary>
    public int Units { get; }

    /// <summary>Nonlinearity after the affine map.</summary>
    public Activation Activation { get; }

    /// <summary>Whether the layer learns an additive bias; true unless set.</summary>
    public bool Bias { get; set; } = Defaults.Bias;

    /// <summary>How the weights are initialised; the model's <see cref="AutoencoderAttribute.Init"/> unless set.</summary>
    public WeightInit Init { get; set; }

    /// <summary>Slope for negative inputs when <see cref="Activation"/> is LeakyReLU; 0.01 unless set.</summary>
    public double NegativeSlope { get; set; } = Defaults.NegativeSlope;
}
