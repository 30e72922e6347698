using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using TorchSharp;
using static TorchSharp.torch;

namespace Autoencoder.Runtime.Training;

/// <summary>Mini-batch training and evaluation over in-memory tensors.</summary>
public static class TrainingLoop
{
    /// <summary>
    /// Trains <paramref name="model"/> for <see cref="TrainingOptions.Epochs"/> epochs of shuffled mini-batches.
    /// </summary>
    /// <param name="model">The module being trained; put in train mode for each epoch.</param>
    /// <param name="optimizer">Optimizer over the model's parameters (create it after moving the model to its device).</param>
    /// <param name="batchLoss">Maps a batch of inputs [B, ...] to the scalar mean loss of that batch (forward + loss).</param>
    /// <param name="trainInputs">All training samples, [N, ...].</param>
    /// <param name="validationInputs">Optional validation samples, same shape as the training samples except in dimension 0.</param>
    /// <param name="options">Epochs, batch size, seed, shuffling and observer.</param>
    /// <param name="cancellationToken">Checked before every step. Cancelling ends the run early with
    /// <see cref="TrainingReport.Cancelled"/> set; the weights keep every update made so far.</param>
    /// <remarks>
    /// Same seed, same initial weights and same data give an identical loss history on CPU:
    /// the shuffle order comes from a private generator seeded with <see cref="TrainingOptions.Seed"/>
    /// and torch's global generator (dropout) is reseeded with it at the start.
    /// </remarks>
    public static TrainingReport Fit(
        nn.Module model,
        optim.Optimizer optimizer,
        Func<Tensor, Tensor> batchLoss,
        Tensor trainInputs,
        Tensor? validationInputs,
        TrainingOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(batchLoss);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Epochs < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Epochs, "TrainingOptions.Epochs must not be negative.");
        TensorArguments.RequirePositiveBatchSize(options.BatchSize, nameof(options));
        TensorArguments.RequireSamples(trainInputs, nameof(trainInputs));
        if (validationInputs is not null)
        {
            TensorArguments.RequireSamples(validationInputs, nameof(validationInputs));
            TensorArguments.RequireSameSampleShape(trainInputs, validationInputs, nameof(validationInputs));
        }

        torch.manual_seed(options.Seed).Dispose();
        using var shuffleGenerator = new Generator(unchecked((ulong)options.Seed));

        var observer = options.Observer;
        long sampleCount = trainInputs.shape[0];
        var epochs = new List<EpochResult>(options.Epochs);
        var total = Stopwatch.StartNew();
        bool cancelled = false;

        for (int epoch = 1; epoch <= options.Epochs; epoch++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }

            observer?.OnEpochStart(epoch, options.Epochs, sampleCount);
            var clock = Stopwatch.StartNew();
            model.train();
            double? trainLoss = TrainEpoch(
                model, optimizer, batchLoss, trainInputs, options, shuffleGenerator, epoch, cancellationToken);
            if (trainLoss is null)
            {
                cancelled = true;
                break;
            }

            double samplesPerSecond = sampleCount / Math.Max(clock.Elapsed.TotalSeconds, 1e-9);
            double? validationLoss = validationInputs is null
                ? null
                : Evaluate(model, batchLoss, validationInputs, options.BatchSize);
            var result = new EpochResult(epoch, trainLoss.Value, validationLoss, clock.Elapsed, samplesPerSecond);
            epochs.Add(result);
            observer?.OnEpochEnd(result);
        }

        var report = new TrainingReport(epochs, total.Elapsed, cancelled);
        observer?.OnTrainingEnd(report);
        return report;
    }

    /// <summary>Returns the sample-weighted mean batch loss, or null when cancelled mid-epoch.</summary>
    private static double? TrainEpoch(
        nn.Module model,
        optim.Optimizer optimizer,
        Func<Tensor, Tensor> batchLoss,
        Tensor inputs,
        TrainingOptions options,
        Generator shuffleGenerator,
        int epoch,
        CancellationToken cancellationToken)
    {
        var observer = options.Observer;
        long n = inputs.shape[0];
        int batchSize = options.BatchSize;
        double weightedLossSum = 0;

        // Owns the epoch's permutation; each step gets its own inner scope so batch, activations
        // and gradients graph are freed as soon as the step ends.
        using var epochScope = NewDisposeScope();
        Tensor? order = options.Shuffle ? ShuffledOrder(n, shuffleGenerator, inputs.device) : null;

        for (long start = 0; start < n; start += batchSize)
        {
            if (cancellationToken.IsCancellationRequested)
                return null;

            long count = Math.Min(batchSize, n - start);
            using (NewDisposeScope())
            {
                var batch = order is null
                    ? inputs.narrow(0, start, count)
                    : inputs.index_select(0, order.narrow(0, start, count));
                optimizer.zero_grad();
                var loss = batchLoss(batch);
                long step = (start / batchSize) + 1;
                double value = TensorArguments.ReadScalar(loss, nameof(batchLoss));
                if (!double.IsFinite(value))
                    throw new NonFiniteTrainingException(epoch, step, $"the loss ({value})");
                loss.backward();
                NonFiniteGradients.ThrowIfAny(model, epoch, step);
                optimizer.step();
                weightedLossSum += value * count;
            }

            observer?.OnBatchEnd(epoch, start + count);
        }

        return weightedLossSum / n;
    }

    private static Tensor ShuffledOrder(long n, Generator generator, Device device)
    {
        var order = randperm(n, generator: generator);
        return device.type == DeviceType.CPU ? order : order.to(device);
    }

    /// <summary>
    /// Mean of <paramref name="batchLoss"/> over <paramref name="inputs"/>, weighted by batch size, computed in
    /// eval mode without gradients and in the original sample order. The model's train/eval mode is restored afterwards.
    /// </summary>
    public static double Evaluate(nn.Module model, Func<Tensor, Tensor> batchLoss, Tensor inputs, int batchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batchLoss);
        TensorArguments.RequireSamples(inputs, nameof(inputs));
        TensorArguments.RequirePositiveBatchSize(batchSize, nameof(batchSize));

        long n = inputs.shape[0];
        double weightedLossSum = 0;
        using (EvaluationModeScope.Enter(model))
        {
            for (long start = 0; start < n; start += batchSize)
            {
                long count = Math.Min(batchSize, n - start);
                using var scope = NewDisposeScope();
                var loss = batchLoss(inputs.narrow(0, start, count));
                weightedLossSum += TensorArguments.ReadScalar(loss, nameof(batchLoss)) * count;
            }
        }

        return weightedLossSum / n;
    }
}
