using static TorchSharp.torch;

namespace Autoencoder.Runtime.Compression;

/// <summary>What <see cref="EntropyBottleneck"/> returns for a code.</summary>
/// <param name="Quantized">The code with noise added (training) or rounded (evaluation); the decoder's input.</param>
/// <param name="Likelihoods">The probability of each quantised element under the learned density, same shape.</param>
public sealed record EntropyBottleneckOutput(Tensor Quantized, Tensor Likelihoods);
