using static TorchSharp.torch;

namespace Autoencoder.Runtime.Generative;

/// <summary>
/// A variational encoder's output: the mean and log-variance of a diagonal Gaussian posterior q(z | x), each [B, D].
/// </summary>
/// <param name="Mean">μ, [B, D].</param>
/// <param name="LogVariance">log σ², [B, D]; the log keeps σ² positive without a constraint.</param>
public readonly record struct GaussianCode(Tensor Mean, Tensor LogVariance);
