namespace Autoencoder;

/// <summary>How a reconstruction is compared with its input. Every loss is the mean over all elements.</summary>
public enum ReconstructionLoss
{
    /// <summary>Binary cross-entropy on outputs in [0, 1]: the decoder must end in <see cref="Activation.Sigmoid"/>.</summary>
    BinaryCrossEntropy = 0,
    /// <summary>Binary cross-entropy on logits (numerically stable): the decoder must end without an activation;
    /// reconstructions are the sigmoid of its output.</summary>
    BinaryCrossEntropyWithLogits = 1,
    /// <summary>Mean squared error.</summary>
    MeanSquaredError = 2,
    /// <summary>Mean absolute error.</summary>
    L1 = 3,
}
