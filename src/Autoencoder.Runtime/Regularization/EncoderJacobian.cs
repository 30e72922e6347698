using System;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Regularization;

/// <summary>
/// The squared Frobenius norm of an encoder's Jacobian, ‖∂f(x)/∂x‖²_F, for each sample: the contractive autoencoder's penalty
/// (Rifai et al. 2011) for encoders without a closed form. Exact, at the cost of one backward pass per code unit.
/// </summary>
public static class EncoderJacobian
{
    /// <summary>
    /// ‖J_f(x_b)‖²_F for every sample b of <paramref name="inputs"/> [B, ...], as a [B] tensor. Row j of each sample's Jacobian
    /// is the gradient of code unit j with respect to that sample's input: one vector-Jacobian product per code unit, so D
    /// backward passes for a D-unit code. Samples must not interact in <paramref name="encode"/> (no batch statistics), for
    /// the gradient of Σ_b f_j(x_b) with respect to x_b is then row j of sample b's Jacobian alone.
    /// When gradients are enabled the result keeps its graph (create_graph), so the penalty trains the encoder's weights;
    /// under no_grad it is computed all the same and returned detached.
    /// </summary>
    public static Tensor SquaredFrobeniusNorm(Func<Tensor, Tensor> encode, Tensor inputs)
    {
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(inputs);
        bool keepGraph = is_grad_enabled();
        using var scope = NewDisposeScope();
        using var grad = enable_grad();

        // Differentiate with respect to a copy of the data: the inputs themselves need no gradient.
        var x = inputs.detach().requires_grad_(true);
        var code = encode(x).flatten(1); // [B, D]
        long units = code.shape[1];
        var total = zeros(new[] { x.shape[0] }, dtype: code.dtype, device: code.device);
        for (long j = 0; j < units; j++)
        {
            var unit = code.select(1, j).sum();
            var row = autograd.grad(new[] { unit }, new[] { x }, retain_graph: true, create_graph: keepGraph)[0]; // [B, ...]
            total = total.add(row.flatten(1).pow(Of(2L)).sum(1), One);
        }

        return (keepGraph ? total : total.detach()).MoveToOuterDisposeScope();
    }
}
