using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// The NaN guard of a training step, at the cost of the one device-to-host read the loop needs anyway: the loss and the
/// float64 sum of every gradient are read together. A NaN or infinity anywhere makes that sum non-finite (a float64 sum
/// of finite float32 values cannot overflow); only then are the parameters searched for the name the error reports.
/// </summary>
internal static class StepGuard
{
    /// <summary>The step's loss, after its backward pass; throws if the loss or any gradient is not finite.</summary>
    public static double ReadLoss(nn.Module model, Tensor loss, int epoch, long step)
    {
        var gradientSums = new List<Tensor>();
        foreach (var parameter in model.parameters())
        {
            if (parameter.grad is { } grad)
                gradientSums.Add(grad.sum().to_type(ScalarType.Float64));
        }

        var parts = new List<Tensor> { loss.detach().reshape(1).to_type(ScalarType.Float64) };
        if (gradientSums.Count > 0)
            parts.Add(stack(gradientSums).sum().reshape(1));
        var read = cat(parts).data<double>().ToArray();

        if (!double.IsFinite(read[0]))
            throw new NonFiniteTrainingException(epoch, step, $"the loss ({read[0]})");
        if (read.Length == 1 || double.IsFinite(read[1]))
            return read[0];

        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.grad is { } grad && !grad.isfinite().all().item<bool>())
                throw new NonFiniteTrainingException(epoch, step, "the gradient of " + name);
        }

        throw new NonFiniteTrainingException(epoch, step, "a gradient");
    }
}
