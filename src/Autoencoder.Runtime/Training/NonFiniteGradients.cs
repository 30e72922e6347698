using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The gradient half of the NaN guard. One sum over every gradient is enough to tell: a NaN or infinity anywhere makes
/// it non-finite. Only then are the parameters searched one by one, for the name the error reports.
/// </summary>
internal static class NonFiniteGradients
{
    public static void ThrowIfAny(nn.Module model, int epoch, long step, string? lastCheckpoint)
    {
        var sums = new List<Tensor>();
        foreach (var parameter in model.parameters())
        {
            if (parameter.grad is { } grad)
                sums.Add(grad.sum());
        }

        if (sums.Count == 0)
            return;

        using var total = stack(sums).sum();
        if (double.IsFinite(total.to_type(ScalarType.Float64).item<double>()))
            return;

        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.grad is { } grad && !grad.isfinite().all().item<bool>())
                throw new NonFiniteTrainingException(epoch, step, "the gradient of " + name, lastCheckpoint);
        }

        // Finite gradients whose sum overflows float32 are about to blow the weights up all the same.
        throw new NonFiniteTrainingException(epoch, step, "the sum of the gradients", lastCheckpoint);
    }
}
