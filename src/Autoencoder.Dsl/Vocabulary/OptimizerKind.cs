namespace Autoencoder;

/// <summary>The optimizer that updates the weights.</summary>
public enum OptimizerKind
{
    /// <summary>Adam (Kingma &amp; Ba); weight decay, if any, is added to the gradient (L2).</summary>
    Adam = 0,
    /// <summary>AdamW (Loshchilov &amp; Hutter): decoupled weight decay, 0.01 unless set (PyTorch's default).</summary>
    AdamW = 1,
    /// <summary>Stochastic gradient descent, with momentum and Nesterov momentum if set.</summary>
    Sgd = 2,
}
