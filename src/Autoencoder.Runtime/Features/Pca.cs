using System;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>
/// Principal component analysis fitted on a data set: the mean and the leading eigenvectors of the covariance, computed
/// in float64 so that the 784×784 covariance of MNIST keeps its small eigenvalues. The baseline every autoencoder is
/// compared with: a linear code of the same size.
/// </summary>
public sealed class Pca : IDisposable
{
    private readonly Tensor _mean;       // [D], float64
    private readonly Tensor _components; // [K, D], float64, one unit-length direction per row, by falling variance

    private Pca(Tensor mean, Tensor components, double[] explainedVariance, long[] sampleShape)
    {
        _mean = mean;
        _components = components;
        ExplainedVariance = explainedVariance;
        SampleShape = sampleShape;
    }

    /// <summary>Number of components kept.</summary>
    public int ComponentCount => (int)_components.shape[0];

    /// <summary>The variance of the training data along each kept component, largest first (the covariance's eigenvalues).</summary>
    public double[] ExplainedVariance { get; }

    /// <summary>The shape of one sample, e.g. [1, 28, 28]; <see cref="Reconstruct"/> returns this shape.</summary>
    public long[] SampleShape { get; }

    /// <summary>The per-feature mean of the training data, [D] (float32 copy).</summary>
    public Tensor Mean => _mean.to_type(ScalarType.Float32);

    /// <summary>The components as rows, [K, D] (float32 copy), unit length, by falling variance.</summary>
    public Tensor Components => _components.to_type(ScalarType.Float32);

    /// <summary>
    /// Fits <paramref name="componentCount"/> components to <paramref name="data"/> [N, ...] (each sample flattened to D
    /// features): the eigen-decomposition of the mean-centred covariance XᵀX / (N − 1).
    /// </summary>
    /// <remarks>
    /// An eigenvector's sign is arbitrary; each is flipped so that its largest-magnitude entry is positive, so that
    /// the same data always gives the same components.
    /// </remarks>
    public static Pca Fit(Tensor data, int componentCount)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (data.dim() < 2 || data.shape[0] < 2)
            throw new ArgumentException($"PCA needs at least two samples [N, ...], got shape [{string.Join(", ", data.shape)}].", nameof(data));
        long features = data.numel() / data.shape[0];
        if (componentCount < 1 || componentCount > features)
            throw new ArgumentOutOfRangeException(nameof(componentCount), componentCount, $"Between 1 and the {features} features per sample.");

        var sampleShape = data.shape[1..];
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = data.reshape(data.shape[0], features).to(CPU).to_type(ScalarType.Float64);
        var mean = x.mean([0]);
        var centred = x - mean;
        using var degreesOfFreedom = (x.shape[0] - 1).ToScalar();
        var covariance = centred.t().matmul(centred).div(degreesOfFreedom);
        // eigh returns the eigenvalues in ascending order, with the eigenvectors as columns.
        var (values, vectors) = linalg.eigh(covariance);
        using var first = (features - 1L).ToScalar();
        using var end = (features - 1L - componentCount).ToScalar();
        var order = arange(first, end, Of(-1L), ScalarType.Int64);
        var top = vectors.index_select(1, order).t(); // [K, D]
        var largest = top.abs().argmax(1, keepdim: true);
        var signs = top.gather(1, largest).sign();
        top = (top * signs).contiguous();
        var variances = values.index_select(0, order).clamp_min(Zero).data<double>().ToArray();
        return new Pca(mean.MoveToOuterDisposeScope(), top.MoveToOuterDisposeScope(), variances, sampleShape);
    }

    /// <summary>The codes of <paramref name="data"/> [N, ...]: [N, K] float32, the centred samples projected on the components.</summary>
    public Tensor Project(Tensor data)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return Flat(data).sub(_mean).matmul(_components.t()).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>Codes [N, K] back to samples [N, ...sample shape] (float32): the mean plus the weighted components.</summary>
    public Tensor Decode(Tensor codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.dim() != 2 || codes.shape[1] != ComponentCount)
            throw new ArgumentException($"Codes must be [N, {ComponentCount}], got [{string.Join(", ", codes.shape)}].", nameof(codes));
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var flat = codes.to(CPU).to_type(ScalarType.Float64).matmul(_components).add(_mean, One);
        long[] shape = [codes.shape[0], .. SampleShape];
        return flat.reshape(shape).to_type(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>The projection of <paramref name="data"/> [N, ...] on the components, back in its own shape (float32).</summary>
    public Tensor Reconstruct(Tensor data)
    {
        using var scope = NewDisposeScope();
        return Decode(Project(data)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The squared reconstruction error summed over each sample's features and averaged over the samples (the metric of
    /// Hinton &amp; Salakhutdinov 2006), computed in batches of <paramref name="batchSize"/> in float64.
    /// </summary>
    public double MeanSquaredErrorPerSample(Tensor data, int batchSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        long n = data.shape[0];
        double sum = 0;
        for (long start = 0; start < n; start += batchSize)
        {
            using var scope = NewDisposeScope();
            var batch = data.narrow(0, start, Math.Min(batchSize, n - start));
            var difference = Reconstruct(batch).to_type(ScalarType.Float64) - batch.to(CPU).to_type(ScalarType.Float64);
            sum += difference.pow(Of(2L)).sum().item<double>();
        }

        return sum / n;
    }

    private Tensor Flat(Tensor data)
    {
        ArgumentNullException.ThrowIfNull(data);
        long features = _mean.shape[0];
        if (data.dim() < 1 || data.shape[0] == 0 || data.numel() / data.shape[0] != features)
            throw new ArgumentException($"Samples must have {features} features, as the data PCA was fitted on; got shape [{string.Join(", ", data.shape)}].", nameof(data));
        return data.reshape(data.shape[0], features).to(CPU).to_type(ScalarType.Float64);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _mean.Dispose();
        _components.Dispose();
    }
}
