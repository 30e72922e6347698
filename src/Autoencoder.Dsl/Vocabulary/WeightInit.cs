namespace Autoencoder
{
    /// <summary>How a layer's weights are initialised. Every choice but <see cref="Default"/> also zeroes the bias.</summary>
    public enum WeightInit
    {
        /// <summary>TorchSharp's (and PyTorch's) default: Kaiming-uniform with a = √5 for weights, uniform ±1/√fan_in for the bias.</summary>
        Default = 0,
        /// <summary>Glorot/Xavier uniform (Keras' default): U(±√(6 / (fan_in + fan_out))).</summary>
        GlorotUniform = 1,
        /// <summary>Glorot/Xavier normal: N(0, 2 / (fan_in + fan_out)).</summary>
        GlorotNormal = 2,
        /// <summary>Kaiming/He uniform for ReLU layers: U(±√(6 / fan_in)).</summary>
        KaimingUniform = 3,
        /// <summary>Kaiming/He normal for ReLU layers: N(0, 2 / fan_in).</summary>
        KaimingNormal = 4,
    }
}
