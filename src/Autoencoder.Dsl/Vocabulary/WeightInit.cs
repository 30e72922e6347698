namespace Autoencoder;

/// <summary>
/// How a layer's weights are initialised. A model may set one for all its layers
/// (<c>[Autoencoder(Init = ...)]</c>); a layer's own choice wins. Every choice but <see cref="Default"/> and
/// <see cref="TorchDefault"/> also zeroes the bias.
/// </summary>
public enum WeightInit
{
    /// <summary>
    /// Unset: the model's choice, and TorchSharp's own initialisation (<see cref="TorchDefault"/>) if the model sets none.
    /// </summary>
    Default = 0,
    /// <summary>Glorot/Xavier uniform (Keras' default): U(±√(6 / (fan_in + fan_out))).</summary>
    GlorotUniform = 1,
    /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)).</summary>
    GlorotNormal = 2,
    /// <summary>Kaiming/He uniform for ReLU layers: U(±√(6 / fan_in)).</summary>
    KaimingUniform = 3,
    /// <summary>Kaiming/He normal for ReLU layers: N(0, 2 / fan_in).</summary>
    KaimingNormal = 4,
    /// <summary>
    /// TorchSharp's (and PyTorch's) initialisation, even when the model sets another: Kaiming-uniform with a = √5 for
    /// weights, uniform ±1/√fan_in for the bias. Lets one layer opt out of the model's <c>Init</c>.
    /// </summary>
    TorchDefault = 5,
    /// <summary>
    /// Identity: each input channel (or unit) passes unchanged to the output of the same index, the other weights and the bias
    /// zero (PyTorch's dirac_ for convolutions, eye_ for dense layers). A deep stack of such layers starts by passing its
    /// input's detail through, which lets a denoiser that predicts the noise leave the loss of predicting none (the
    /// colour-denoise reference run, docs/reference-runs.md).
    /// </summary>
    Identity = 6,
}
