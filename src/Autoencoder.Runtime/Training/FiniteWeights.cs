using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Refuses to checkpoint weights that are NaN or infinite: a checkpoint must always be a safe place to resume from.</summary>
internal static class FiniteWeights
{
    /// <summary>The name of the first non-finite parameter, or null when every weight is finite.</summary>
    public static string? FirstNonFinite(nn.Module model)
    {
        using var scope = NewDisposeScope();
        var sums = new List<Tensor>();
        foreach (var parameter in model.parameters())
            sums.Add(parameter.detach().sum());
        if (sums.Count == 0 || double.IsFinite(stack(sums).sum().to_type(ScalarType.Float64).item<double>()))
            return null;

        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!parameter.detach().isfinite().all().item<bool>())
                return name;
        }
        return null; // finite values whose float32 sum overflowed
    }
}
