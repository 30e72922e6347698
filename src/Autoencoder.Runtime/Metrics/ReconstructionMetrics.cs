using System;
using System.Linq;
using Autoencoder.Runtime.Models;
using Autoencoder.Runtime.Training;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Metrics;

/// <summary>
/// Reconstruction metrics between inputs and their reconstructions, computed in float64.
/// Dimension 0 indexes images; every other dimension is flattened into the image.
/// </summary>
public static class ReconstructionMetrics
{
    /// <summary>Smallest per-image MSE used in PSNR, so a perfect reconstruction gives a finite 100 dB (for max 1).</summary>
    public const double MseFloor = 1e-10;

    /// <summary>Log-probabilities are clamped at this value, as PyTorch's binary_cross_entropy does.</summary>
    public const double LogClamp = -100;

    /// <summary>
    /// Reconstructs <paramref name="inputs"/> with <paramref name="model"/> in batches (eval mode, no gradients, model mode
    /// restored afterwards) and compares each reconstruction with its input.
    /// </summary>
    /// <param name="model">The model; its <see cref="IAutoencoder.Reconstruct"/> gives reconstructions in data space.</param>
    /// <param name="inputs">Images [N, ...].</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>MSE and BCE averaged over all elements; PSNR as in <see cref="PsnrPerImage"/> (peak 1), averaged over images.</returns>
    public static ReconstructionReport Evaluate(IAutoencoder model, Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Evaluate(model.Module, model.Reconstruct, inputs, batchSize);
    }

    /// <summary>
    /// Runs <paramref name="reconstruct"/> over <paramref name="inputs"/> in batches (eval mode, no gradients,
    /// model mode restored afterwards) and compares each reconstruction with its input.
    /// </summary>
    /// <remarks>For any module and function, e.g. a hand-written module; a generated model takes the overload above.</remarks>
    /// <param name="model">The module behind <paramref name="reconstruct"/>; only its train/eval mode is touched.</param>
    /// <param name="reconstruct">Inputs [B, ...] to reconstructions of the same shape in data space ([0, 1] for images).</param>
    /// <param name="inputs">Images [N, ...].</param>
    /// <param name="batchSize">Images per forward pass.</param>
    /// <returns>MSE and BCE averaged over all elements; PSNR as in <see cref="PsnrPerImage"/> (peak 1), averaged over images.</returns>
    public static ReconstructionReport Evaluate(nn.Module model, Func<Tensor, Tensor> reconstruct, Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(reconstruct);
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));
        long n = inputs.shape[0];
        if (n > int.MaxValue)
            throw new ArgumentException($"At most {int.MaxValue} images can be evaluated, got {n}.", nameof(inputs));

        double mseSum = 0, bceSum = 0, psnrSum = 0;
        var device = ModelDevice.Of(model);
        bool moveBatches = inputs.device != device; // inputs in host memory, model on a GPU
        using (EvaluationModeScope.Enter(model))
        {
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = NewDisposeScope();
                var batch = inputs.narrow(0, start, Math.Min(batchSize, n - start));
                if (moveBatches)
                    batch = batch.to(device);
                var output = reconstruct(batch);
                RequireSameShape(output, batch, "The reconstruction", "its input batch");
                var mse = PerImageMse(output, batch);
                mseSum += mse.sum().item<double>();
                bceSum += PerImageBce(output, batch).sum().item<double>();
                psnrSum += PerImagePsnr(mse, 1.0).sum().item<double>();
            }
        }

        return new ReconstructionReport(mseSum / n, bceSum / n, psnrSum / n, (int)n);
    }

    /// <summary>Mean squared error over all elements of two tensors of the same shape.</summary>
    public static double Mse(Tensor a, Tensor b)
    {
        RequireComparable(a, b);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return PerImageMse(a, b).mean().item<double>();
    }

    /// <summary>
    /// Mean binary cross-entropy −[t·log p + (1−t)·log(1−p)] over all elements, with each log clamped at −100
    /// like PyTorch so that p = 0 or 1 gives a finite loss. <paramref name="prediction"/> must lie in [0, 1].
    /// </summary>
    public static double Bce(Tensor prediction, Tensor target)
    {
        RequireComparable(prediction, target);
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return PerImageBce(prediction, target).mean().item<double>();
    }

    /// <summary>
    /// PSNR of each image: 10·log10(maxValue² / mse_i), where mse_i is that image's mean squared error floored
    /// at <see cref="MseFloor"/> (1e-10) so identical images give a finite value instead of infinity.
    /// </summary>
    public static double[] PsnrPerImage(Tensor a, Tensor b, double maxValue = 1.0)
    {
        RequireComparable(a, b);
        if (!(maxValue > 0) || double.IsInfinity(maxValue))
            throw new ArgumentOutOfRangeException(nameof(maxValue), maxValue, "The peak value must be positive and finite.");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        return PerImagePsnr(PerImageMse(a, b), maxValue).data<double>().ToArray();
    }

    private static Tensor PerImageMse(Tensor a, Tensor b)
    {
        var diff = a.to_type(ScalarType.Float64) - b.to_type(ScalarType.Float64);
        return diff.pow(Of(2L)).reshape(a.shape[0], -1).mean([1L]);
    }

    private static Tensor PerImageBce(Tensor prediction, Tensor target)
    {
        var p = prediction.to_type(ScalarType.Float64);
        var t = target.to_type(ScalarType.Float64);
        // Clamping before the multiply keeps 0·log(0) at 0 instead of NaN.
        var logP = p.log().clamp_min(Of(LogClamp));
        var logNotP = p.negative().add(One, One).log().clamp_min(Of(LogClamp));
        var elementwise = -(t * logP).add(t.negative().add(One, One) * logNotP, One);
        return elementwise.reshape(prediction.shape[0], -1).mean([1L]);
    }

    private static Tensor PerImagePsnr(Tensor perImageMse, double maxValue) =>
        PeakOver(perImageMse.clamp_min(Of(MseFloor)), maxValue).log10().mul(Of(10.0));

    /// <summary>maxValue² / mse, as TorchSharp computes a number over a tensor (reciprocal, then the product).</summary>
    private static Tensor PeakOver(Tensor mse, double maxValue)
    {
        using var peakSquared = (maxValue * maxValue).ToScalar();
        return mse.reciprocal().mul(peakSquared);
    }

    private static void RequireComparable(Tensor a, Tensor b)
    {
        TensorArguments.RequireSamples(a, nameof(a));
        ArgumentNullException.ThrowIfNull(b);
        RequireSameShape(a, b, "The first tensor", "the second");
    }

    private static void RequireSameShape(Tensor a, Tensor b, string aName, string bName)
    {
        if (!a.shape.AsSpan().SequenceEqual(b.shape))
            throw new ArgumentException(
                $"{aName} has shape {TensorArguments.Format(a.shape)} but {bName} has shape {TensorArguments.Format(b.shape)}.");
    }
}
