using System.Collections.Generic;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>
/// Finds NaN or infinite values among named tensors with one device-to-host read in the normal case: a single sum over
/// all of them is non-finite if any element is. Only then are they searched one by one, for the name to report.
/// </summary>
internal static class NonFiniteSearch
{
    /// <summary>The NaN guard's two uses: gradients after backward, weights before a checkpoint.</summary>
    public static IEnumerable<(string Name, Tensor Value)> Gradients(nn.Module model)
    {
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (parameter.grad is { } grad)
                yield return (name, grad);
        }
    }

    public static IEnumerable<(string Name, Tensor Value)> Weights(nn.Module model)
    {
        foreach (var (name, parameter) in model.named_parameters())
            yield return (name, parameter.detach());
    }

    /// <summary>
    /// Null when every value is finite; otherwise what is not, for the error: <paramref name="describe"/> of the first
    /// offending name, or <paramref name="overflow"/> when each tensor is finite but their float32 sum is not (values
    /// that large are about to blow up all the same).
    /// </summary>
    public static string? First(IEnumerable<(string Name, Tensor Value)> tensors, System.Func<string, string> describe, string overflow)
    {
        using var scope = NewDisposeScope();
        var all = new List<(string Name, Tensor Value)>(tensors);
        if (all.Count == 0)
            return null;
        var sums = new List<Tensor>(all.Count);
        foreach (var (_, value) in all)
            sums.Add(value.sum());
        if (double.IsFinite(stack(sums).sum().to_type(ScalarType.Float64).item<double>()))
            return null;

        foreach (var (name, value) in all)
        {
            if (!value.isfinite().all().item<bool>())
                return describe(name);
        }
        return overflow;
    }
}
