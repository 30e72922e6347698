// STUB from branch 'vae': a stand-in, with the agreed signature, for the ImportanceSampling class another helper writes.
// The lead drops this file at merge in favour of that one (the generated EvaluateNll calls only NegativeLogLikelihood).
using System;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Generative;

/// <summary>An importance-sampled negative log-likelihood.</summary>
/// <param name="MeanNll">Mean of −log p(x) over the inputs, in nats.</param>
/// <param name="StandardError">Standard error of that mean over the inputs, in nats.</param>
/// <param name="Samples">Importance samples per input (k).</param>
/// <param name="Count">Number of inputs.</param>
public sealed record NllReport(double MeanNll, double StandardError, int Samples, long Count);

/// <summary>The IWAE estimate of log p(x) (Burda et al. 2016): log (1/k) Σ p(x, z_i) / q(z_i | x), z_i ~ q(z | x).</summary>
public static class ImportanceSampling
{
    // (image, sample) pairs decoded at once: bounds memory whatever k is.
    private const int PairsPerChunk = 4096;

    /// <summary>Mean −log p(x) over <paramref name="inputs"/>, with <paramref name="samples"/> importance samples per input, in evaluation mode.</summary>
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
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(batchSize);
        var wasTraining = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            long n = inputs.shape[0];
            double sum = 0, sumSquares = 0;
            var logTwoPi = Math.Log(2 * Math.PI);
            for (long start = 0; start < n; start += batchSize)
            {
                using var scope = NewDisposeScope();
                long count = Math.Min(batchSize, n - start);
                var x = inputs.narrow(0, start, count);
                var code = encode(x);
                var mean = code.Mean.unsqueeze(1);                           // [b, 1, D]
                var sigma = code.LogVariance.mul(0.5).exp().unsqueeze(1);   // [b, 1, D]
                var logSigma = code.LogVariance.mul(0.5).sum(1, keepdim: true);   // [b, 1]
                long latent = code.Mean.shape[1];
                int chunk = (int)Math.Max(1, Math.Min(samples, PairsPerChunk / count));
                var weights = new Tensor[(samples + chunk - 1) / chunk];
                for (int s = 0, i = 0; s < samples; s += chunk, i++)
                {
                    int k = Math.Min(chunk, samples - s);
                    var epsilon = randn(new[] { count, k, latent }, dtype: mean.dtype, device: mean.device, generator: generator);
                    var z = mean + sigma * epsilon;                                                    // [b, k, D]
                    var logQ = epsilon.square().sum(2).add(latent * logTwoPi).mul(-0.5) - logSigma;   // [b, k]
                    var logPrior = z.square().sum(2).add(latent * logTwoPi).mul(-0.5);                // [b, k]
                    var repeated = x.unsqueeze(1).expand(ExpandedShape(x, k)).reshape(ConcatShape(count * k, x));
                    var logPx = logLikelihood(repeated, z.reshape(count * k, latent)).reshape(count, k);
                    weights[i] = logPx + logPrior - logQ;
                }

                var logPx1 = cat(weights, 1).to_type(ScalarType.Float64).logsumexp(1).sub(Math.Log(samples));   // [b]
                var nll = logPx1.neg();
                sum += nll.sum().item<double>();
                sumSquares += nll.square().sum().item<double>();
                progress?.Report(start + count);
            }

            var meanNll = sum / n;
            var variance = Math.Max(0, (sumSquares / n) - (meanNll * meanNll));
            return new NllReport(meanNll, Math.Sqrt(variance / Math.Max(1, n - 1)), samples, n);
        }
        finally
        {
            model.train(wasTraining);
        }
    }

    private static long[] ExpandedShape(Tensor x, int k)
    {
        var shape = new long[x.dim() + 1];
        shape[0] = x.shape[0];
        shape[1] = k;
        for (int d = 1; d < x.dim(); d++)
            shape[d + 1] = x.shape[d];
        return shape;
    }

    private static long[] ConcatShape(long first, Tensor x)
    {
        var shape = (long[])x.shape.Clone();
        shape[0] = first;
        return shape;
    }
}
