using System;
using System.Linq;
using Autoencoder.Runtime.Generative;
using Autoencoder.Runtime.Tests.Training;
using Shouldly;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Tests.Generative;

/// <summary>
/// The IWAE estimate on a model whose likelihood is known in closed form: p(z) = N(0, I), p(x | z) = N(Wz + b, σ²I), so
/// p(x) = N(b, WWᵀ + σ²I). W's columns are orthogonal, which makes the true posterior a diagonal Gaussian the
/// encoder can represent exactly: N(Σ Wᵀ(x − b) / σ², Σ) with Σ = (I + WᵀW / σ²)⁻¹ = diag(1/17, 1/5).
/// </summary>
[Collection(TorchGlobalStateCollection.Name)]
public sealed class ImportanceSamplingTests : IDisposable
{
    private const double Sigma = 0.5;
    private const int Inputs = 200;

    private readonly Tensor _w;         // [4, 2], columns of norm 2 and 1
    private readonly Tensor _b;         // [4]
    private readonly Tensor _posteriorVariance; // [2]
    private readonly Tensor _x;         // [N, 4], drawn from the model
    private readonly double[] _logPx;   // exact log p(x) per input
    private readonly nn.Module _model = nn.Linear(1, 1); // stands in for the VAE whose mode must be kept

    public ImportanceSamplingTests()
    {
        _w = tensor(new[] { 1.0, 0.5, 1.0, -0.5, 1.0, 0.5, 1.0, -0.5 }, [4, 2], ScalarType.Float64);
        _b = tensor(new[] { 0.1, -0.2, 0.3, 0.0 }, ScalarType.Float64);
        using var scope = NewDisposeScope();
        _posteriorVariance = _w.square().sum(dim: 0) /* a bare 0 would bind to sum(ScalarType) */.div(Sigma * Sigma).add(1).reciprocal().DetachFromDisposeScope();

        using var generator = new Generator(17);
        var z = randn([Inputs, 2], ScalarType.Float64, generator: generator);
        _x = z.matmul(_w.t()).add(_b).add(randn([Inputs, 4], ScalarType.Float64, generator: generator).mul(Sigma)).DetachFromDisposeScope();

        var covariance = _w.matmul(_w.t()).add(eye(4, dtype: ScalarType.Float64).mul(Sigma * Sigma));
        var centred = _x.sub(_b);
        var quadratic = centred.matmul(linalg.inv(covariance)).mul(centred).sum(1);
        double logDeterminant = Math.Log(4 + (Sigma * Sigma)) + Math.Log(1 + (Sigma * Sigma)) + (2 * Math.Log(Sigma * Sigma));
        _logPx = quadratic.add((4 * Math.Log(2 * Math.PI)) + logDeterminant).mul(-0.5).data<double>().ToArray();
    }

    public void Dispose()
    {
        _model.Dispose();
        _x.Dispose();
        _posteriorVariance.Dispose();
        _b.Dispose();
        _w.Dispose();
    }

    private double ExactNll => -_logPx.Average();

    /// <summary>The true posterior, with its variance scaled by <paramref name="widen"/> (1: exact).</summary>
    private GaussianCode Posterior(Tensor x, double widen = 1)
    {
        var mean = x.sub(_b).matmul(_w).div(Sigma * Sigma).mul(_posteriorVariance);
        return new GaussianCode(mean, _posteriorVariance.mul(widen).log().expand_as(mean));
    }

    private Tensor LogLikelihood(Tensor x, Tensor z)
    {
        var residual = x.sub(z.matmul(_w.t()).add(_b)).div(Sigma);
        return residual.square().add(Math.Log(2 * Math.PI * Sigma * Sigma)).sum(1).mul(-0.5);
    }

    private NllReport Estimate(int samples, int batchSize, double widen = 1, ulong seed = 5)
    {
        using var generator = new Generator(seed);
        return ImportanceSampling.NegativeLogLikelihood(_model, x => Posterior(x, widen), LogLikelihood, _x, samples, batchSize, generator);
    }

    [Theory]
    [InlineData(1, 50)]   // the ELBO, 50 inputs a call
    [InlineData(5, 64)]   // 12 inputs a call, the last call short
    [InlineData(7, 4)]    // one input a call, its samples split 4 + 3
    public void With_the_exact_posterior_every_weight_is_p_of_x_so_any_k_gives_the_exact_likelihood(int samples, int batchSize)
    {
        var report = Estimate(samples, batchSize);

        report.MeanNll.ShouldBe(ExactNll, tolerance: 1e-9);
        double sd = Math.Sqrt(_logPx.Sum(l => (l - _logPx.Average()) * (l - _logPx.Average())) / (Inputs - 1));
        report.StandardError.ShouldBe(sd / Math.Sqrt(Inputs), tolerance: 1e-9);
        report.Count.ShouldBe(Inputs);
        report.Samples.ShouldBe(samples);
    }

    [Fact]
    public void With_a_wider_q_the_estimate_bounds_the_likelihood_and_tightens_as_k_grows()
    {
        // q has four times the posterior's variance: the ELBO's gap is KL(q ‖ posterior) = 2 × ½(4 − 1 − ln 4) ≈ 1.61 nats.
        var nll = new[] { 1, 4, 500 }.Select(k => Estimate(k, batchSize: 4000, widen: 4).MeanNll).ToArray();

        nll[0].ShouldBe(ExactNll + (4 - 1 - Math.Log(4)), tolerance: 0.3);
        nll[0].ShouldBeGreaterThan(nll[1]);
        nll[1].ShouldBeGreaterThan(nll[2]);
        // Below log p(x) in expectation: by about Var(w / p(x)) / 2k ≈ 0.16 nats at k = 4, well above the noise of a mean
        // over 200 inputs; at k = 500 the gap is within that noise.
        nll[1].ShouldBeGreaterThan(ExactNll + 0.05);
        nll[2].ShouldBe(ExactNll, tolerance: 0.01);
    }

    [Fact]
    public void The_same_generator_seed_gives_the_same_estimate_however_the_work_is_split_into_calls_of_whole_inputs()
    {
        // With every input's samples in one call, the draws depend only on the inputs per call, not on the memory bound.
        Estimate(10, batchSize: 100, widen: 4).ShouldBe(Estimate(10, batchSize: 109, widen: 4));
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void The_models_mode_and_the_grad_mode_are_as_they_were(bool training, bool grad)
    {
        _model.train(training);
        bool? trainingInside = null, gradInside = null;
        using (grad ? null : no_grad())
        {
            ImportanceSampling.NegativeLogLikelihood(_model, x =>
            {
                trainingInside = _model.training;
                gradInside = is_grad_enabled();
                return Posterior(x);
            }, LogLikelihood, _x, samples: 2, batchSize: 64);
            is_grad_enabled().ShouldBe(grad);
        }

        trainingInside.ShouldBe(false);
        gradInside.ShouldBe(false);
        _model.training.ShouldBe(training);
        is_grad_enabled().ShouldBeTrue();
    }

    [Fact]
    public void It_frees_every_tensor_it_creates_and_reports_progress_per_call()
    {
        var before = DisposeScopeManager.Statistics.ThreadTotalLiveCount;
        var done = new System.Collections.Generic.List<long>();

        ImportanceSampling.NegativeLogLikelihood(_model, x => Posterior(x), LogLikelihood, _x, samples: 3, batchSize: 240,
            progress: new SynchronousProgress(done.Add));

        DisposeScopeManager.Statistics.ThreadTotalLiveCount.ShouldBe(before);
        done.ShouldBe(new long[] { 80, 160, 200 });
    }

    [Fact]
    public void Bad_arguments_and_wrongly_shaped_results_are_refused_with_what_was_expected()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Estimate(0, 10)).ParamName.ShouldBe("samples");
        Should.Throw<ArgumentOutOfRangeException>(() => Estimate(1, 0)).ParamName.ShouldBe("batchSize");
        using var scalar = tensor(1.0);
        Should.Throw<ArgumentException>(() => ImportanceSampling.NegativeLogLikelihood(_model, x => Posterior(x), LogLikelihood, scalar, 1, 10))
            .ParamName.ShouldBe("inputs");

        Should.Throw<InvalidOperationException>(() => ImportanceSampling.NegativeLogLikelihood(
                _model, x => new GaussianCode(Posterior(x).Mean, zeros(3)), LogLikelihood, _x, 1, 10))
            .Message.ShouldBe("The encoder must return a mean and a log-variance of shape [10, D] for 10 inputs but returned [10, 2] and [3].");
        Should.Throw<InvalidOperationException>(() => ImportanceSampling.NegativeLogLikelihood(
                _model, x => Posterior(x), (x, z) => LogLikelihood(x, z).unsqueeze(1), _x, 4, 10))
            .Message.ShouldBe("The log-likelihood must return one value per row, [8], for inputs [8, 4] but returned [8, 1]; sum it over the data dimensions.");
    }

    /// <summary>Reports on the calling thread (<see cref="Progress{T}"/> posts to the thread pool).</summary>
    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}
