using System;
using Autoencoder.Runtime.Training;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Generative;

/// <summary>A test negative log-likelihood estimated by importance sampling.</summary>
/// <param name="MeanNll">Mean over the inputs of −log p̂(x), in nats.</param>
/// <param name="StandardError">Standard error of that mean over the inputs (sample standard deviation / √n); NaN for one input.</param>
/// <param name="Count">Number of inputs.</param>
/// <param name="Samples">Importance samples per input (k).</param>
public sealed record NllReport(double MeanNll, double StandardError, long Count, int Samples);

/// <summary>
/// The importance-weighted estimate of a variational autoencoder's log-likelihood (Burda, Grosse and Salakhutdinov,
/// "Importance Weighted Autoencoders", 2016): with z₁…z_k drawn from the encoder's q(z | x),
/// log p(x) ≈ log (1/k) Σ p(x | z_i) p(z_i) / q(z_i | x). It is a lower bound on log p(x) in expectation that tightens
/// as k grows and is exact for any k when q is the true posterior; the standard prior p(z) = N(0, I) is assumed.
/// </summary>
public static class ImportanceSampling
{
    private static readonly double Log2Pi = Math.Log(2 * Math.PI);

    /// <summary>Estimates the mean negative log-likelihood of <paramref name="inputs"/> under the model, in nats.</summary>
    /// <param name="model">The model; evaluated in eval mode without gradients, its mode and the grad mode restored after.
    /// Inputs are moved to its device.</param>
    /// <param name="encode">Maps inputs [B, ...] to q(z | x): mean and log-variance, each [B, D].</param>
    /// <param name="logLikelihood">Maps inputs [M, ...] and codes [M, D] to log p(x | z) per row, [M], summed over the
    /// data dimensions (for a Bernoulli decoder, minus the summed binary cross-entropy).</param>
    /// <param name="inputs">The inputs [N, ...], e.g. the binarised test images.</param>
    /// <param name="samples">Importance samples per input (k ≥ 1); Burda et al. report k = 5000.</param>
    /// <param name="batchSize">The most (input, sample) pairs decoded in one call of <paramref name="logLikelihood"/>; it
    /// bounds memory whatever k is. Several inputs share a call when k is smaller; an input's k samples are split over
    /// several calls when it is larger.</param>
    /// <param name="generator">Draws the samples (on the model's device); null uses torch's global generator.</param>
    /// <param name="progress">Told the number of inputs done after each pass.</param>
    /// <remarks>The weights are combined with a log-sum-exp in float64, so k in the thousands loses no precision.</remarks>
    /// <exception cref="InvalidOperationException"><paramref name="encode"/> or <paramref name="logLikelihood"/> returned tensors of the wrong shape.</exception>
    public static NllReport NegativeLogLikelihood(
        nn.Module model,
        Func<Tensor, GaussianCode> encode,
        Func<Tensor, Tensor, Tensor> logLikelihood,
        Tensor inputs,
        int samples,
        int batchSize,
        Generator? generator = null,
        IProgress<long>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(encode);
        ArgumentNullException.ThrowIfNull(logLikelihood);
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The number of importance samples must be at least 1.");
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));

        long n = inputs.shape[0];
        int inputsPerPass = Math.Max(1, batchSize / samples);
        int samplesPerCall = Math.Min(samples, batchSize);
        double logK = Math.Log(samples);
        var logMarginals = new double[n];
        var device = ModelDevice.Of(model);
        using (EvaluationModeScope.Enter(model))
        {
            for (long start = 0; start < n; start += inputsPerPass)
            {
                int count = (int)Math.Min(inputsPerPass, n - start);
                using var scope = NewDisposeScope();
                var x = inputs.narrow(0, start, count);
                if (x.device != device)
                    x = x.to(device);
                var code = encode(x);
                RequireCode(code, count);

                // Running log Σ w over the chunks of samples, per input.
                var logSum = new double[count];
                Array.Fill(logSum, double.NegativeInfinity);
                for (int done = 0; done < samples; done += samplesPerCall)
                {
                    int k = Math.Min(samplesPerCall, samples - done);
                    using var chunk = NewDisposeScope();
                    var chunkSums = LogWeights(x, code, k, logLikelihood, generator).logsumexp(dim: 0); // [count]
                    var values = chunkSums.cpu().data<double>().ToArray();
                    for (int i = 0; i < count; i++)
                        logSum[i] = LogAddExp(logSum[i], values[i]);
                }

                for (int i = 0; i < count; i++)
                    logMarginals[start + i] = logSum[i] - logK;
                progress?.Report(start + count);
            }
        }

        return Summarise(logMarginals, samples);
    }

    /// <summary>log p(x | z) + log p(z) − log q(z | x) for <paramref name="k"/> fresh samples of each input: [k, B], float64.</summary>
    private static Tensor LogWeights(Tensor x, GaussianCode code, int k, Func<Tensor, Tensor, Tensor> logLikelihood, Generator? generator)
    {
        long count = x.shape[0];
        long dimensions = code.Mean.shape[1];
        var mean = code.Mean;                                                                         // [B, D]
        var std = code.LogVariance.mul(Of(0.5)).exp();                                                 // [B, D]
        var noise = randn([k, count, dimensions], dtype: mean.dtype, device: mean.device, generator: generator);
        var z = mean.unsqueeze(0).add(std.unsqueeze(0).mul(noise), One);                                // [k, B, D]

        // Row s·B + i is sample s of input i, for the inputs as for the codes.
        long[] rowShape = [k * count, .. x.shape[1..]];
        var repeated = x.unsqueeze(0).expand([k, .. x.shape]).reshape(rowShape);                     // [k·B, ...]
        var logLikelihoods = logLikelihood(repeated, z.reshape(k * count, dimensions));
        if (logLikelihoods.dim() != 1 || logLikelihoods.shape[0] != k * count)
            throw new InvalidOperationException(
                $"The log-likelihood must return one value per row, [{k * count}], for inputs {TensorArguments.Format(rowShape)} " +
                $"but returned {TensorArguments.Format(logLikelihoods.shape)}; sum it over the data dimensions.");

        // The densities in float64 from the z actually decoded, so that rounding cannot bias the weights.
        var z64 = z.to_type(ScalarType.Float64);
        var mean64 = mean.to_type(ScalarType.Float64).unsqueeze(0);
        var logVariance64 = code.LogVariance.to_type(ScalarType.Float64).unsqueeze(0);
        var logPrior = z64.pow(Of(2L)).add(Of(Log2Pi), One).sum(-1).mul(Of(-0.5));                                 // [k, B]
        var logPosterior = z64.sub(mean64).pow(Of(2L)).div(logVariance64.exp())
            .add(logVariance64, One).add(Of(Log2Pi), One).sum(-1).mul(Of(-0.5));                                      // [k, B]
        return logLikelihoods.to_type(ScalarType.Float64).reshape(k, count).add(logPrior, One).sub(logPosterior);
    }

    private static void RequireCode(GaussianCode code, int count)
    {
        if (code.Mean is null || code.LogVariance is null)
            throw new InvalidOperationException("The encoder returned a GaussianCode without its mean or log-variance.");
        if (code.Mean.dim() != 2 || code.Mean.shape[0] != count || !code.LogVariance.shape.AsSpan().SequenceEqual(code.Mean.shape))
            throw new InvalidOperationException(
                $"The encoder must return a mean and a log-variance of shape [{count}, D] for {count} inputs but returned " +
                $"{TensorArguments.Format(code.Mean.shape)} and {TensorArguments.Format(code.LogVariance.shape)}.");
    }

    private static double LogAddExp(double a, double b)
    {
        if (double.IsNegativeInfinity(a))
            return b;
        if (double.IsNegativeInfinity(b))
            return a;
        double max = Math.Max(a, b);
        return max + Math.Log(Math.Exp(a - max) + Math.Exp(b - max));
    }

    private static NllReport Summarise(double[] logMarginals, int samples)
    {
        long n = logMarginals.Length;
        double mean = 0;
        foreach (double value in logMarginals)
            mean -= value;
        mean /= n;
        double squares = 0;
        foreach (double value in logMarginals)
            squares += (-value - mean) * (-value - mean);
        double standardError = n > 1 ? Math.Sqrt(squares / (n - 1) / n) : double.NaN;
        return new NllReport(mean, standardError, n, samples);
    }
}
