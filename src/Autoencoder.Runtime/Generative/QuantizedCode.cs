using static TorchSharp.torch;

namespace Autoencoder.Runtime.Generative;

/// <summary>
/// What <see cref="VectorQuantizer.forward"/> (and so a generated VQ-VAE's <c>Quantize</c>) returns for one batch of encoder
/// outputs z ([B, D, H, W] or [B, D]).
/// </summary>
/// <param name="Quantized">The nearest codes in z's shape, as z + sg[e − z]: their values are the codes', their gradient goes to z (straight-through).</param>
/// <param name="Indices">The index of the chosen code at every position: [B, H, W], or [B] for a dense code.</param>
/// <param name="CommitmentLoss">β‖z − sg[e]‖², averaged over every element: keeps the encoder close to the codes it picks.</param>
/// <param name="CodebookLoss">‖sg[z] − e‖², averaged over every element, which moves the codes; null when moving averages learn the codebook.</param>
/// <param name="Perplexity">exp(−Σ p log p) of the batch's code distribution: 1 when one code takes everything, K when all K are used equally.</param>
/// <param name="Usage">The fraction of the K codes chosen at least once in the batch.</param>
public sealed record QuantizedCode(Tensor Quantized, Tensor Indices, Tensor CommitmentLoss, Tensor? CodebookLoss, Tensor Perplexity, Tensor Usage);
