using System;
using Autoencoder.Runtime.Training.Optimizers;
using TorchSharp;
using static Autoencoder.Runtime.Torch.HeldScalars;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Features;

/// <summary>How <see cref="LinearProbe"/> trains.</summary>
/// <param name="Steps">Full-batch Adam steps; the loss is convex, so a fixed count from a zero start gives one answer.</param>
/// <param name="LearningRate">Adam's rate; features are standardised, so one rate suits codes of any scale.</param>
/// <param name="L2">Weight of ½·‖W‖² added to the mean cross-entropy (the bias is not penalised).</param>
public sealed record LinearProbeOptions(int Steps = 500, double LearningRate = 0.01, double L2 = 1e-4);

/// <summary>Accuracy of a <see cref="LinearProbe"/> on the data it was trained on and on held-out data.</summary>
/// <param name="TrainAccuracy">Fraction of training samples classified correctly, in [0, 1].</param>
/// <param name="TestAccuracy">Fraction of test samples classified correctly, in [0, 1].</param>
/// <param name="TrainLoss">The final training objective (mean cross-entropy plus the L2 term).</param>
/// <param name="Features">Features per sample (the code size).</param>
/// <param name="Classes">Number of classes.</param>
public sealed record LinearProbeResult(double TrainAccuracy, double TestAccuracy, double TrainLoss, int Features, int Classes);

/// <summary>
/// Multinomial logistic regression on fixed features (an autoencoder's codes, or raw pixels): the standard measure of
/// how much class information a code keeps in linearly readable form. Features are standardised with the training
/// set's mean and standard deviation; weights start at zero and are trained full-batch with Adam for a fixed number
/// of steps, so the result does not depend on a seed.
/// </summary>
public sealed class LinearProbe : IDisposable
{
    private readonly Tensor _mean, _scale, _weight, _bias;

    private LinearProbe(Tensor mean, Tensor scale, Tensor weight, Tensor bias, double trainLoss)
    {
        _mean = mean;
        _scale = scale;
        _weight = weight;
        _bias = bias;
        TrainLoss = trainLoss;
    }

    /// <summary>Features per sample.</summary>
    public int Features => (int)_weight.shape[0];

    /// <summary>Number of classes.</summary>
    public int Classes => (int)_weight.shape[1];

    /// <summary>The training objective after the last step.</summary>
    public double TrainLoss { get; }

    /// <summary>Trains a probe.</summary>
    /// <param name="codes">Features [N, D]; samples with more dimensions are flattened.</param>
    /// <param name="labels">Class indices [N].</param>
    /// <param name="options">Steps, rate and L2 weight; the defaults unless set.</param>
    /// <param name="classes">Number of classes; the largest label plus one unless set.</param>
    public static LinearProbe Fit(Tensor codes, Tensor labels, LinearProbeOptions? options = null, int? classes = null)
    {
        options ??= new LinearProbeOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.Steps);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.LearningRate);
        ArgumentOutOfRangeException.ThrowIfNegative(options.L2);
        using var scope = NewDisposeScope();
        var (x, y) = Prepare(codes, labels);
        int classCount = classes ?? (int)y.max().item<long>() + 1;
        if (classCount < 2 || y.min().item<long>() < 0 || y.max().item<long>() >= classCount)
            throw new ArgumentException($"Labels must be class indices in [0, {classCount}) with at least two classes.", nameof(labels));

        var mean = x.mean([0]);
        // Constant features (an always-off pixel, a dead code unit) get scale 1 rather than a division by zero.
        var std = x.std([0], unbiased: false);
        var scale = where(std.gt(Of(1e-8)), std, ones_like(std));
        var standardised = (x - mean) / scale;

        var weight = new TorchSharp.Modules.Parameter(zeros(x.shape[1], classCount));
        var bias = new TorchSharp.Modules.Parameter(zeros(classCount));
        using var optimizer = new Adam([weight, bias], learningRate: options.LearningRate);
        using var halfL2 = (0.5 * options.L2).ToScalar();
        double loss = double.NaN;
        for (int step = 0; step < options.Steps; step++)
        {
            using var stepScope = NewDisposeScope();
            optimizer.ZeroGrad();
            var objective = nn.functional.cross_entropy(standardised.matmul(weight).add(bias, One), y)
                .add(weight.pow(Of(2L)).sum().mul(halfL2), One);
            objective.backward();
            optimizer.Step();
            loss = objective.to_type(ScalarType.Float64).item<double>();
        }

        return new LinearProbe(
            mean.MoveToOuterDisposeScope(), scale.MoveToOuterDisposeScope(),
            weight.detach().MoveToOuterDisposeScope(), bias.detach().MoveToOuterDisposeScope(), loss);
    }

    /// <summary>Trains on the training codes and scores both sets.</summary>
    public static LinearProbeResult Evaluate(Tensor trainCodes, Tensor trainLabels, Tensor testCodes, Tensor testLabels, LinearProbeOptions? options = null)
    {
        using var probe = Fit(trainCodes, trainLabels, options);
        return new LinearProbeResult(probe.Accuracy(trainCodes, trainLabels), probe.Accuracy(testCodes, testLabels), probe.TrainLoss, probe.Features, probe.Classes);
    }

    /// <summary>The predicted class of each sample of <paramref name="codes"/> [N, D], as [N] int64.</summary>
    public Tensor Predict(Tensor codes)
    {
        ArgumentNullException.ThrowIfNull(codes);
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        var x = Flatten(codes, nameof(codes));
        if (x.shape[1] != Features)
            throw new ArgumentException($"The probe was trained on {Features} features per sample, got {x.shape[1]}.", nameof(codes));
        return ((x - _mean) / _scale).matmul(_weight).add(_bias, One).argmax(1).MoveToOuterDisposeScope();
    }

    /// <summary>The fraction of <paramref name="codes"/> whose predicted class is its label, in [0, 1].</summary>
    public double Accuracy(Tensor codes, Tensor labels)
    {
        using var scope = NewDisposeScope();
        var (_, y) = Prepare(codes, labels);
        return Predict(codes).eq(y).to_type(ScalarType.Float64).mean().item<double>();
    }

    private static (Tensor Codes, Tensor Labels) Prepare(Tensor codes, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(codes);
        ArgumentNullException.ThrowIfNull(labels);
        var x = Flatten(codes, nameof(codes));
        if (labels.dim() != 1 || labels.shape[0] != x.shape[0])
            throw new ArgumentException($"Labels must be [{x.shape[0]}], one per sample; got [{string.Join(", ", labels.shape)}].", nameof(labels));
        return (x, labels.to(CPU).to_type(ScalarType.Int64));
    }

    private static Tensor Flatten(Tensor codes, string paramName)
    {
        if (codes.dim() < 2 || codes.shape[0] == 0)
            throw new ArgumentException($"Codes must be [N, ...] with N > 0; got [{string.Join(", ", codes.shape)}].", paramName);
        return codes.detach().reshape(codes.shape[0], -1).to(CPU).to_type(ScalarType.Float32);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _mean.Dispose();
        _scale.Dispose();
        _weight.Dispose();
        _bias.Dispose();
    }
}
