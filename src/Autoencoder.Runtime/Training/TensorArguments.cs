using System;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Argument checks and scalar reads shared by the training loop and the metrics.</summary>
internal static class TensorArguments
{
    public static void RequireSamples(Tensor inputs, string paramName)
    {
        ArgumentNullException.ThrowIfNull(inputs, paramName);
        if (inputs.dim() == 0)
            throw new ArgumentException($"Expected a batch of samples [N, ...] but got a scalar tensor.", paramName);
        if (inputs.shape[0] == 0)
            throw new ArgumentException($"Expected at least one sample but got shape {Format(inputs.shape)}.", paramName);
    }

    public static void RequirePositiveBatchSize(int batchSize, string paramName)
    {
        if (batchSize <= 0)
            throw new ArgumentOutOfRangeException(paramName, batchSize, "Batch size must be positive.");
    }

    /// <summary>Validation samples must look like training samples; only their count may differ.</summary>
    public static void RequireSameSampleShape(Tensor train, Tensor validation, string paramName)
    {
        var a = train.shape;
        var b = validation.shape;
        bool same = a.Length == b.Length;
        for (int i = 1; same && i < a.Length; i++)
            same = a[i] == b[i];
        if (!same)
            throw new ArgumentException(
                $"Validation inputs have shape {Format(b)} but training inputs have shape {Format(a)}; only dimension 0 may differ.",
                paramName);
    }

    /// <summary>Reads a one-element tensor once; float32/float64 avoid the boxed Scalar path.</summary>
    public static double ReadScalar(Tensor value, string producer)
    {
        if (value.numel() != 1)
            throw new InvalidOperationException($"{producer} must return a scalar tensor but returned shape {Format(value.shape)}.");
        return value.dtype switch
        {
            ScalarType.Float32 => value.item<float>(),
            ScalarType.Float64 => value.item<double>(),
            _ => value.to_type(ScalarType.Float64).item<double>(),
        };
    }

    public static string Format(ReadOnlySpan<long> shape) => "[" + string.Join(", ", shape.ToArray()) + "]";
}
